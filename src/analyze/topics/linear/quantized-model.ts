import { gunzipSync, gzipSync } from 'node:zlib'
import { z } from 'zod'
import type { FeatureOptions } from './featurizer.js'
import type { LinearWeights } from './linear-weights.js'

/**
 * A trained multiclass linear text model in its shipped form: hashed terms, idf and int8 weights with
 * one scale per class. Int8 keeps the file small (under 3 MB for a few hundred thousand terms) and
 * changes no dev prediction in practice.
 */
export interface QuantizedModel {
  featureOptions: FeatureOptions
  labels: string[]
  /** Softmax temperature fitted on held-out documents. */
  temperature: number
  /** Term hashes, ascending; column i of every array below. */
  hashes: Uint32Array
  idf: Float32Array
  /** `weights[f * labels.length + k]`, dequantised by `scales[k]`. */
  weights: Int8Array
  scales: Float32Array
  bias: Float32Array
}

const MAGIC = 'HDLM'
const FORMAT_VERSION = 1
/** idf is stored as one byte over [0, IDF_MAX]; ln(N) stays below 12 for corpora under 100k docs. */
const IDF_MAX = 16

const HeaderSchema = z.object({
  version: z.literal(FORMAT_VERSION),
  featureOptions: z.object({
    bigrams: z.boolean(),
    folded: z.boolean(),
    maxChars: z.number().int().positive(),
    style: z.boolean().optional(),
  }),
  labels: z.array(z.string().min(1)).min(2),
  temperature: z.number().positive(),
  features: z.number().int().nonnegative(),
  scales: z.array(z.number()),
  bias: z.array(z.number()),
  hashBytes: z.number().int().nonnegative(),
})

/** Quantises trained weights; `hashes` and `idf` are the vocabulary columns in order. */
export function quantize(
  trained: LinearWeights,
  vocabulary: { hashes: Uint32Array; idf: Float32Array },
  meta: Pick<QuantizedModel, 'featureOptions' | 'labels' | 'temperature'>,
): QuantizedModel {
  const K = trained.classes
  const scales = new Float32Array(K)
  for (let i = 0; i < trained.weights.length; i++) {
    const k = i % K
    scales[k] = Math.max(scales[k]!, Math.abs(trained.weights[i]!) / 127)
  }
  const weights = new Int8Array(trained.weights.length)
  for (let i = 0; i < weights.length; i++) {
    const s = scales[i % K]!
    weights[i] = s > 0 ? Math.round(trained.weights[i]! / s) : 0
  }
  const idf = Float32Array.from(vocabulary.idf, (v) => dequantizeIdf(quantizeIdf(v)))
  return { ...meta, hashes: vocabulary.hashes, idf, weights, scales, bias: Float32Array.from(trained.bias) }
}

const quantizeIdf = (v: number) => Math.max(0, Math.min(255, Math.round((v / IDF_MAX) * 255)))
const dequantizeIdf = (q: number) => (q / 255) * IDF_MAX

/** Serialises to gzip: magic, header length, JSON header, varint hash deltas, idf bytes, int8 weights. */
export function encodeModel(m: QuantizedModel): Buffer {
  const deltas: number[] = []
  let prev = 0
  for (const h of m.hashes) {
    let d = h - prev
    prev = h
    while (d >= 0x80) {
      deltas.push((d & 0x7f) | 0x80)
      d = Math.floor(d / 128)
    }
    deltas.push(d)
  }
  const header = Buffer.from(
    JSON.stringify({
      version: FORMAT_VERSION,
      featureOptions: m.featureOptions,
      labels: m.labels,
      temperature: m.temperature,
      features: m.hashes.length,
      scales: [...m.scales],
      bias: [...m.bias],
      hashBytes: deltas.length,
    }),
  )
  const length = Buffer.alloc(4)
  length.writeUInt32LE(header.length)
  const idf = Uint8Array.from(m.idf, quantizeIdf)
  const weights = new Uint8Array(m.weights.buffer, m.weights.byteOffset, m.weights.byteLength)
  return gzipSync(
    Buffer.concat([Buffer.from(MAGIC), length, header, Uint8Array.from(deltas), idf, weights]),
    {
      level: 9,
    },
  )
}

/** Parses a model file; throws a plain Error describing what is wrong when it is not one. */
export function decodeModel(file: Uint8Array): QuantizedModel {
  const raw = gunzipSync(file)
  if (raw.subarray(0, 4).toString() !== MAGIC) throw new Error('not a linear model file (bad magic)')
  const headerLength = raw.readUInt32LE(4)
  const header = HeaderSchema.parse(JSON.parse(raw.subarray(8, 8 + headerLength).toString()))
  const K = header.labels.length
  const F = header.features
  if (header.scales.length !== K || header.bias.length !== K) throw new Error('model header is inconsistent')
  let offset = 8 + headerLength
  const hashes = new Uint32Array(F)
  let prev = 0
  for (let f = 0; f < F; f++) {
    let d = 0
    let mul = 1
    for (;;) {
      const byte = raw[offset++]
      if (byte === undefined) throw new Error('model file is truncated')
      d += (byte & 0x7f) * mul
      if (byte < 0x80) break
      mul *= 128
    }
    prev += d
    hashes[f] = prev
  }
  if (offset !== 8 + headerLength + header.hashBytes) throw new Error('model hash table is corrupt')
  if (raw.length !== offset + F + F * K) throw new Error('model file has the wrong size')
  const idf = Float32Array.from(raw.subarray(offset, offset + F), dequantizeIdf)
  const weights = new Int8Array(raw.buffer.slice(raw.byteOffset + offset + F, raw.byteOffset + raw.length))
  const { featureOptions, labels, temperature } = header
  return { featureOptions, labels, temperature, hashes, idf, weights, ...arrays(header) }
}

const arrays = (h: { scales: number[]; bias: number[] }) => ({
  scales: Float32Array.from(h.scales),
  bias: Float32Array.from(h.bias),
})
