import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { PRESS_RELEASE, SAME_TOPIC_ARTICLES } from './dedupe-fixtures.js'
import {
  isEmptySignature,
  jaccardEstimate,
  MINHASH_BANDS,
  MINHASH_K,
  minhashBands,
  minhashFromBytes,
  minhashSignature,
  minhashToBytes,
} from './minhash.js'
import { seededRandom } from './test-random.js'

/** Texts of distinct "syllables" w0…wN so the exact shingle Jaccard is known by construction. */
function overlapping(rnd: () => number, shared: number, own: number): [string, string] {
  const words = (prefix: string, n: number) =>
    Array.from({ length: n }, (_, i) => `${prefix}${i}x${Math.floor(rnd() * 1e9)}`)
  const common = words('c', shared)
  return [[...common, ...words('a', own)].join(' '), [...common, ...words('b', own)].join(' ')]
}

describe('minhashSignature / jaccardEstimate', () => {
  it('has k slots, 1 for itself and near 0 for a different article', () => {
    const s = minhashSignature(PRESS_RELEASE)
    assert.equal(s.length, MINHASH_K)
    assert.equal(minhashSignature(PRESS_RELEASE, 128).length, 128)
    assert.equal(jaccardEstimate(s, minhashSignature(PRESS_RELEASE)), 1)
    assert.ok(jaccardEstimate(s, minhashSignature(SAME_TOPIC_ARTICLES.licences)) < 0.2)
  })

  it('estimates the Jaccard similarity of the shingle sets within its standard error', () => {
    const rnd = seededRandom(11)
    for (const target of [0.2, 0.5, 0.8]) {
      // n shared then m own syllables each: n−2 shared shingles, 2 seam + m−2 own ones each side
      const errors: number[] = []
      for (let trial = 0; trial < 40; trial++) {
        const own = 100
        const shared = Math.round((2 * own * target) / (1 - target)) + 2
        const [a, b] = overlapping(rnd, shared, own)
        const exact = (shared - 2) / (shared - 2 + 2 * own)
        errors.push(jaccardEstimate(minhashSignature(a), minhashSignature(b)) - exact)
      }
      const mean = errors.reduce((x, y) => x + y, 0) / errors.length
      assert.ok(Math.abs(mean) < 0.03, `biased at ${target}: mean error ${mean}`)
      assert.ok(Math.max(...errors.map(Math.abs)) < 0.2, `an estimate far off at ${target}`)
    }
  })

  it('rejects signatures of different lengths', () => {
    assert.throws(() => jaccardEstimate(new Uint32Array(64), new Uint32Array(32)), RangeError)
  })

  it('fills every slot of a short text (densification) and keeps it comparable', () => {
    const short = 'Sáng 8/4, UBND tỉnh Quảng Trị tổ chức họp báo'
    const s = minhashSignature(short)
    assert.ok(new Set(s).size <= 9, 'at most one distinct value per shingle (9 here)')
    assert.equal(isEmptySignature(s), false)
    assert.ok(s.every((v) => v !== 0xffffffff))
    assert.equal(jaccardEstimate(s, minhashSignature(short.toUpperCase())), 1)
    assert.ok(
      jaccardEstimate(s, minhashSignature('Chiều 15/4, UBND tỉnh Quảng Trị trao quyết định đầu tư')) < 0.6,
    )
  })

  it('rejects a signature length that is not a positive integer', () => {
    assert.throws(() => minhashSignature(PRESS_RELEASE, 0), RangeError)
    assert.throws(() => minhashSignature(PRESS_RELEASE, 1.5), RangeError)
  })

  it('marks the empty text', () => {
    assert.equal(isEmptySignature(minhashSignature('')), true)
    assert.equal(isEmptySignature(minhashSignature('Theo TTXVN')), false)
  })
})

describe('minhashBands', () => {
  it('gives 31-bit band keys, equal for equal signatures', () => {
    const bands = minhashBands(minhashSignature(PRESS_RELEASE))
    assert.equal(bands.length, MINHASH_BANDS)
    for (const b of bands) assert.ok(Number.isInteger(b) && b >= 0 && b < 2 ** 31)
    assert.deepEqual(minhashBands(minhashSignature(PRESS_RELEASE)), bands)
  })

  it('makes texts of high Jaccard share a band far more often than unrelated ones', () => {
    const rnd = seededRandom(5)
    const shareRate = (target: number) => {
      let hits = 0
      for (let t = 0; t < 100; t++) {
        const own = 60
        const [a, b] = overlapping(rnd, Math.round((2 * own * target) / (1 - target)) + 2, own)
        const [x, y] = [minhashBands(minhashSignature(a)), minhashBands(minhashSignature(b))]
        if (x.some((v, i) => v === y[i])) hits++
      }
      return hits / 100
    }
    assert.ok(shareRate(0.8) >= 0.9)
    assert.ok(shareRate(0.05) <= 0.1)
  })
})

describe('minhashToBytes', () => {
  it('round-trips as 4 little-endian bytes a slot', () => {
    const s = minhashSignature(PRESS_RELEASE)
    const bytes = minhashToBytes(s)
    assert.equal(bytes.length, 4 * MINHASH_K)
    assert.deepEqual(minhashFromBytes(bytes), s)
    assert.deepEqual([...minhashToBytes(Uint32Array.of(0x01020304))], [4, 3, 2, 1])
    assert.throws(() => minhashFromBytes(new Uint8Array(3)), RangeError)
  })
})
