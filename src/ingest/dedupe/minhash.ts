import { fmix32, murmurRound } from './hash32.js'
import { type ShingleHashes, shingleHashes } from './shingles.js'

/**
 * Slots per signature. 64 gives a Jaccard estimate with a standard error of at most 0.0625
 * (0.05 at 0.8), enough to verify candidates against a 0.7 threshold; 256 bytes a text.
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
/** Seed of the probe sequence that fills empty bins (fixed: stored signatures depend on it). */
const DENSIFY_SEED = 0x2545f491

/**
 * MinHash signature of the text's set of syllable 3-shingles, as a one-permutation MinHash with
 * optimal densification (Li, Owen & Zhang 2012; Shrivastava 2017): each shingle's hash picks one of
 * k bins (high half) and competes for that bin's minimum (low half); an empty bin copies the bin its
 * fixed probe sequence reaches first. The share of equal slots between two signatures estimates the
 * Jaccard similarity of the two shingle sets (`jaccardEstimate`), like k independent hash functions
 * would, at the cost of one hash per shingle instead of k.
 */
export function minhashSignature(text: string, k = MINHASH_K): Uint32Array {
  return minhashOfShingles(shingleHashes(text), k)
}

/** MinHash of precomputed shingle hashes (lets one pass feed SimHash and MinHash). */
export function minhashOfShingles({ lo, hi }: ShingleHashes, k = MINHASH_K): Uint32Array {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`bad signature length ${k}`)
  const sig = new Uint32Array(k).fill(EMPTY_SLOT)
  const filled = new Uint8Array(k)
  for (let s = 0; s < lo.length; s++) {
    const bin = hi[s]! % k
    const v = lo[s]!
    if (filled[bin] === 0 || v < sig[bin]!) sig[bin] = v
    filled[bin] = 1
  }
  if (lo.length > 0) densify(sig, filled, k)
  return sig
}

/** Fills each empty bin from the first filled bin of its own probe sequence (same for every text). */
function densify(sig: Uint32Array, filled: Uint8Array, k: number): void {
  const source = new Int32Array(k).fill(-1)
  for (let i = 0; i < k; i++) {
    if (filled[i] === 1) continue
    for (let attempt = 0; source[i] === -1; attempt++) {
      const j = fmix32(murmurRound(murmurRound(DENSIFY_SEED, i), attempt)) % k
      if (filled[j] === 1) source[i] = j
    }
  }
  for (let i = 0; i < k; i++) if (source[i]! >= 0) sig[i] = sig[source[i]!]!
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
