import assert from 'node:assert/strict'
import { test } from 'node:test'
import { gunzipSync, gzipSync } from 'node:zlib'
import { DEFAULT_FEATURE_OPTIONS } from './featurizer.js'
import { decodeModel, encodeModel, quantize } from './quantized-model.js'

const trained = {
  classes: 2,
  features: 3,
  weights: Float32Array.of(1, -1, 0.5, -0.25, 0.001, 0),
  bias: Float32Array.of(0.1, -0.1),
}
const vocabulary = { hashes: Uint32Array.of(7, 300, 4_294_967_295), idf: Float32Array.of(1, 2.5, 9.9) }
const meta = { featureOptions: DEFAULT_FEATURE_OPTIONS, labels: ['A b', 'C'], temperature: 0.7 }

test('encode → decode round-trips, weights within one quantisation step', () => {
  const q = quantize(trained, vocabulary, meta)
  const back = decodeModel(encodeModel(q))
  assert.deepEqual(back.labels, meta.labels)
  assert.deepEqual(back.featureOptions, DEFAULT_FEATURE_OPTIONS)
  assert.equal(back.temperature, 0.7)
  assert.deepEqual([...back.hashes], [...vocabulary.hashes])
  assert.deepEqual([...back.weights], [...q.weights])
  back.idf.forEach((v, i) => {
    assert.ok(Math.abs(v - vocabulary.idf[i]!) < 0.04)
  })
  for (let i = 0; i < trained.weights.length; i++) {
    const w = back.weights[i]! * back.scales[i % 2]!
    assert.ok(Math.abs(w - trained.weights[i]!) <= back.scales[i % 2]! / 2 + 1e-7)
  }
  assert.ok(Math.abs(back.bias[1]! + 0.1) < 1e-6)
})

test('the style option round-trips, and files written before it existed still load', () => {
  const styled = { ...meta, featureOptions: { ...DEFAULT_FEATURE_OPTIONS, style: true } }
  assert.equal(decodeModel(encodeModel(quantize(trained, vocabulary, styled))).featureOptions.style, true)
  assert.equal(decodeModel(encodeModel(quantize(trained, vocabulary, meta))).featureOptions.style, undefined)
})

test('rejects files that are not models or are damaged', () => {
  const good = encodeModel(quantize(trained, vocabulary, meta))
  assert.throws(() => decodeModel(Buffer.from('plain text')))
  assert.throws(() => decodeModel(gzipSync(Buffer.from('NOPE0000'))), /magic/)
  const raw = gunzipSync(good)
  assert.throws(() => decodeModel(gzipSync(raw.subarray(0, raw.length - 1))), /size|truncated/)
})
