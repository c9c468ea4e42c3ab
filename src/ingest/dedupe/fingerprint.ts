import { contentKeyOfComparable, sha256Hex } from './content-hash.js'
import { jaccardEstimate, MINHASH_K, minhashOfShingles } from './minhash.js'
import { comparableText, shingleHashesOfComparable } from './shingles.js'
import { hamming, simhashOfShingles } from './simhash.js'

/**
 * SimHash distance at or below which two texts are near-duplicates: the pigeonhole guarantee of the
 * four 16-bit bands, and in practice texts that differ by a line or a couple of words.
 */
export const NEAR_DUP_MAX_HAMMING = 3
/**
 * Estimated Jaccard similarity of the 3-shingle sets at or above which two texts are near-duplicates.
 * Tuned on the tests and the VNTC news corpus. A 420-word release reprinted with a new title and first
 * sentence has an exact Jaccard of 0.81, with all three test edits 0.72; 5 words changed in 300 give
 * about 0.9. The estimate's standard error is about 0.05 with 64 slots, so a 0.8 threshold would miss
 * about half of the reprints like the first. Distinct articles on one topic stay under 0.1 (a few
 * same-label VNTC pairs reach 0.3); rewrites of one event by two outlets were seen at 0.4–0.6.
 */
export const NEAR_DUP_MIN_JACCARD = 0.7
/**
 * Texts with fewer shingles than this (about 20 words: a caption, a one-line brief) are only ever
 * exact duplicates: a one-word difference between two short bulletins is a different bulletin.
 */
export const NEAR_DUP_MIN_SHINGLES = 20

/** Everything dedupe needs to know about a text; compute once, compare many times. */
export interface Fingerprint {
  /** `contentHash(text)`: SHA-256 hex of the comparison key */
  contentHash: string
  /** `simhash64(text)` */
  simhash: bigint
  /** `minhashSignature(text)` (`MINHASH_K` slots) */
  minhash: Uint32Array
  /** number of syllable 3-shingles (positions, repeats included) */
  shingles: number
}

/** The fingerprint of a text, from one normalisation pass. */
export function fingerprint(text: string, k = MINHASH_K): Fingerprint {
  const s = comparableText(text)
  const sh = shingleHashesOfComparable(s)
  return {
    contentHash: sha256Hex(contentKeyOfComparable(s)),
    simhash: simhashOfShingles(sh),
    minhash: minhashOfShingles(sh, k),
    shingles: sh.lo.length,
  }
}

const asFingerprint = (x: string | Fingerprint) => (typeof x === 'string' ? fingerprint(x) : x)

/**
 * Whether two texts are the same text give or take an edit: the same press release reprinted with a
 * changed title or first sentence, a source line appended, a few words changed. Rule:
 * identical comparison keys; or, when both texts have at least `NEAR_DUP_MIN_SHINGLES` shingles,
 * SimHash distance ≤ `NEAR_DUP_MAX_HAMMING` OR MinHash Jaccard estimate ≥ `NEAR_DUP_MIN_JACCARD`.
 * Symmetric. Not meant for a text that quotes part of another (containment is not similarity).
 */
export function isNearDuplicate(a: string | Fingerprint, b: string | Fingerprint): boolean {
  const fa = asFingerprint(a)
  const fb = asFingerprint(b)
  if (fa.contentHash === fb.contentHash) return true
  if (Math.min(fa.shingles, fb.shingles) < NEAR_DUP_MIN_SHINGLES) return false
  return (
    nearDuplicateScore(fa, fb) >= NEAR_DUP_MIN_JACCARD ||
    hamming(fa.simhash, fb.simhash) <= NEAR_DUP_MAX_HAMMING
  )
}

/** The MinHash Jaccard estimate of two fingerprints (signatures of equal length). */
export const nearDuplicateScore = (a: Fingerprint, b: Fingerprint) => jaccardEstimate(a.minhash, b.minhash)
