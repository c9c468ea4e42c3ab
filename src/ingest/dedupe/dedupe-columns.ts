import { type Fingerprint, NEAR_DUP_MIN_SHINGLES } from './fingerprint.js'
import { minhashBands, minhashFromBytes, minhashToBytes } from './minhash.js'
import { simhashBands, simhashFromHex, simhashToHex } from './simhash.js'

/** Band value of a text too short to be looked up by band: no real band key is negative. */
export const NO_BAND = -1

/**
 * How a fingerprint is stored on an `articles` row. Every band column gets an index of its own;
 * candidates are rows where any band equals the new text's band at the same position.
 */
export interface DedupeColumns {
  /** text, indexed: exact duplicates */
  content_hash: string
  /** text, 16 hex digits */
  simhash: string
  /** integer 0–65535 each (or `NO_BAND`), indexed */
  sim_b0: number
  sim_b1: number
  sim_b2: number
  sim_b3: number
  /** integer 0–2³¹−1 each (or `NO_BAND`), indexed */
  mh_b0: number
  mh_b1: number
  mh_b2: number
  mh_b3: number
  /** blob (SQLite) / bytea (PostgreSQL), 256 bytes: the MinHash signature that verifies a candidate */
  minhash: Uint8Array
  /** integer: shingle count (texts under `NEAR_DUP_MIN_SHINGLES` are exact-match only) */
  shingles: number
}

/**
 * The column values of a fingerprint. A text too short for near-duplicate matching gets `NO_BAND`
 * in every band column, so it never comes up as a band candidate (as in `NearDuplicateIndex`).
 */
export function dedupeColumns(fp: Fingerprint): DedupeColumns {
  const indexed = fp.shingles >= NEAR_DUP_MIN_SHINGLES
  const s = indexed ? simhashBands(fp.simhash) : [NO_BAND, NO_BAND, NO_BAND, NO_BAND]
  const m = indexed ? minhashBands(fp.minhash) : [NO_BAND, NO_BAND, NO_BAND, NO_BAND]
  return {
    content_hash: fp.contentHash,
    simhash: simhashToHex(fp.simhash),
    sim_b0: s[0]!,
    sim_b1: s[1]!,
    sim_b2: s[2]!,
    sim_b3: s[3]!,
    mh_b0: m[0]!,
    mh_b1: m[1]!,
    mh_b2: m[2]!,
    mh_b3: m[3]!,
    minhash: minhashToBytes(fp.minhash),
    shingles: fp.shingles,
  }
}

/** The fingerprint back from a stored row (for `isNearDuplicate` against a candidate). */
export function fingerprintFromColumns(
  row: Pick<DedupeColumns, 'content_hash' | 'simhash' | 'minhash' | 'shingles'>,
): Fingerprint {
  return {
    contentHash: row.content_hash,
    simhash: simhashFromHex(row.simhash),
    minhash: minhashFromBytes(row.minhash),
    shingles: row.shingles,
  }
}
