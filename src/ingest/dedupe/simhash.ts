import { popcount32 } from './hash32.js'
import { type ShingleHashes, shingleHashes } from './shingles.js'

/** Bits per band: four 16-bit bands cover the 64 bits, and 16-bit values fit any integer column. */
export const SIMHASH_BAND_BITS = 16
/**
 * Largest distance for which `simhashBands` guarantees a shared band: with 4 bands, 3 differing bits
 * leave at least one band untouched (pigeonhole). Farther pairs may still share a band by chance.
 */
export const SIMHASH_BAND_GUARANTEE = 3

const MASK32 = 0xffffffffn

/**
 * Charikar's SimHash over the text's syllable 3-shingles (see `shingleHashes`): bit b is set when
 * more than half of the shingles' 64-bit hashes have bit b set. Similar texts get hashes a few bits
 * apart; unrelated texts about 32 bits apart. An empty text gives 0n.
 */
export function simhash64(text: string): bigint {
  return simhashOfShingles(shingleHashes(text))
}

/** SimHash of precomputed shingle hashes (lets one pass feed SimHash and MinHash). */
export function simhashOfShingles({ lo, hi }: ShingleHashes): bigint {
  const n = lo.length
  const onesLo = new Int32Array(32)
  const onesHi = new Int32Array(32)
  for (let i = 0; i < n; i++) {
    const a = lo[i]!
    const b = hi[i]!
    for (let bit = 0; bit < 32; bit++) {
      onesLo[bit]! += (a >>> bit) & 1
      onesHi[bit]! += (b >>> bit) & 1
    }
  }
  let outLo = 0
  let outHi = 0
  for (let bit = 0; bit < 32; bit++) {
    if (2 * onesLo[bit]! > n) outLo |= 1 << bit
    if (2 * onesHi[bit]! > n) outHi |= 1 << bit
  }
  return (BigInt(outHi >>> 0) << 32n) | BigInt(outLo >>> 0)
}

/** Number of differing bits between two 64-bit SimHashes. */
export function hamming(a: bigint, b: bigint): number {
  const x = (a ^ b) & 0xffffffffffffffffn
  return popcount32(Number(x & MASK32)) + popcount32(Number(x >> 32n))
}

/**
 * The hash cut into four 16-bit bands, low bits first: `[bits 0–15, 16–31, 32–47, 48–63]`, each an
 * integer 0–65535. Two hashes within Hamming distance 3 share at least one band at the same
 * position, so an index on each band finds every such pair with four equality lookups.
 */
export function simhashBands(h: bigint): readonly [number, number, number, number] {
  const lo = Number(h & MASK32)
  const hi = Number((h >> 32n) & MASK32)
  return [lo & 0xffff, lo >>> 16, hi & 0xffff, hi >>> 16]
}

/** 16 lower-case hex digits, zero-padded: the stored form (`articles.simhash`). */
export function simhashToHex(h: bigint): string {
  return (h & 0xffffffffffffffffn).toString(16).padStart(16, '0')
}

/** Inverse of `simhashToHex`. */
export function simhashFromHex(hex: string): bigint {
  return BigInt(`0x${hex}`)
}
