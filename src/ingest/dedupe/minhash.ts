import { fmix32, murmurRound } from './hash32.js'
import { type ShingleHashes, shingleHashes } from './shingles.js'

/**
 * Hash functions per signature. 64 gives a Jaccard estimate with a standard error of at most
 * 0.0625 (0.05 at 0.8), enough to verify candidates against a 0.7 threshold; 256 bytes a text.
 */
export const MINHASH_K = 64
/**
 * LSH bands for candidate lookup, each over `MINHASH_BAND_ROWS` signature slots. Two texts of
 * Jaccard J share a band with probability 1 − (1 − J²)⁴: 0.93 at J = 0.7, 0.98 at 0.8, 0.15 at 0.2,
 * 0.01 at 0.05 (unrelated articles), so reprints are found and unrelated texts rarely come up.
 */
export const MINHASH_BANDS = 4
export const MINHASH_BAND_ROWS = 2

/** Slot value of an empty text (no shingle): larger than any hash, equal across empty texts. */
const EMPTY_SLOT = 0xffffffff

let seedCache: Uint32Array | undefined

/** The per-slot seeds: a fixed sequence (stored signatures depend on it), made once. */
function seeds(k: number): Uint32Array {
  if (seedCache === undefined || seedCache.length < k) {
    const s = new Uint32Array(Math.max(k, MINHASH_K))
    let x = 0x2545f491
    for (let i = 0; i < s.length; i++) {
      x = (x + 0x9e3779b9) | 0 // golden-ratio increment, then a finaliser: a splitmix-style sequence
      s[i] = fmix32(x)
    }
    seedCache = s
  }
  return seedCache
}

/**
 * MinHash signature of the text's set of syllable 3-shingles: slot i holds the least value of
 * hash function i over the shingles. The share of equal slots between two signatures estimates the
 * Jaccard similarity of the two shingle sets (`jaccardEstimate`).
 */
export function minhashSignature(text: string, k = MINHASH_K): Uint32Array {
  return minhashOfShingles(shingleHashes(text), k)
}

/** MinHash of precomputed shingle hashes (lets one pass feed SimHash and MinHash). */
export function minhashOfShingles({ lo }: ShingleHashes, k = MINHASH_K): Uint32Array {
  const seed = seeds(k)
  const sig = new Uint32Array(k).fill(EMPTY_SLOT)
  for (let s = 0; s < lo.length; s++) {
    const x = lo[s]!
    for (let i = 0; i < k; i++) {
      const h = fmix32(x ^ seed[i]!)
      if (h < sig[i]!) sig[i] = h
    }
  }
  return sig
}

/** Share of equal slots: an unbiased estimate of the Jaccard similarity of the two shingle sets. */
export function jaccardEstimate(a: Uint32Array, b: Uint32Array): number {
  if (a.length !== b.length || a.length === 0) throw new RangeError('signatures of different or zero length')
  let same = 0
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++
  return same / a.length
}

/**
 * LSH band keys of a signature: `MINHASH_BANDS` integers 0…2³¹−1 (a signed 32-bit column holds them),
 * band j hashing slots `j·rows … j·rows+rows−1`. Texts sharing a band key are candidates to verify.
 */
export function minhashBands(sig: Uint32Array): number[] {
  const out: number[] = []
  for (let j = 0; j < MINHASH_BANDS; j++) {
    let h = j
    for (let r = 0; r < MINHASH_BAND_ROWS; r++) h = murmurRound(h, sig[j * MINHASH_BAND_ROWS + r]!)
    out.push(fmix32(h) & 0x7fffffff)
  }
  return out
}

/** True when the signature is that of a text without any shingle. */
export const isEmptySignature = (sig: Uint32Array) => sig.every((v) => v === EMPTY_SLOT)

/** Stored form (`articles.minhash`): k little-endian unsigned 32-bit values. */
export function minhashToBytes(sig: Uint32Array): Uint8Array {
  const out = new Uint8Array(sig.length * 4)
  const view = new DataView(out.buffer)
  for (let i = 0; i < sig.length; i++) view.setUint32(i * 4, sig[i]!, true)
  return out
}

/** Inverse of `minhashToBytes`. */
export function minhashFromBytes(bytes: Uint8Array): Uint32Array {
  if (bytes.length % 4 !== 0) throw new RangeError('minhash bytes not a multiple of 4')
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const sig = new Uint32Array(bytes.length / 4)
  for (let i = 0; i < sig.length; i++) sig[i] = view.getUint32(i * 4, true)
  return sig
}
