import {
  type Fingerprint,
  fingerprint,
  isNearDuplicate,
  NEAR_DUP_MIN_SHINGLES,
  nearDuplicateScore,
} from './fingerprint.js'
import { MINHASH_BANDS, minhashBands } from './minhash.js'
import { simhashBands } from './simhash.js'

/** Lookup keys per text: 4 SimHash bands, then the MinHash LSH bands. */
const BAND_COUNT = 4 + MINHASH_BANDS

interface Entry<Id> {
  id: Id
  /** position of the group's representative (its first member) in `#entries` */
  rep: number
  fp: Fingerprint
}

/**
 * In-memory near-duplicate groups for one ingest batch (and the tests): exact lookup by content
 * hash, candidates by equal SimHash band or MinHash LSH band, each verified with `isNearDuplicate`.
 * The same bands are what the database indexes (`articles.sim_b0…3`, `mh_b0…3`), so this is also the
 * reference for the stored lookup. A text joins the group of its most similar verified candidate;
 * groups chain (A~B, B~C puts C with A even when A and C are not near-duplicates).
 */
export class NearDuplicateIndex<Id> {
  readonly #entries: Entry<Id>[] = []
  readonly #byHash = new Map<string, number>()
  readonly #positions = new Map<Id, number>()
  /** one map per band position: band value → entry positions */
  readonly #bands: Map<number, number[]>[] = Array.from({ length: BAND_COUNT }, () => new Map())

  /** Adds a text; returns the id of the group representative it joins, or null for a new group. */
  add(id: Id, text: string): Id | null {
    return this.addFingerprint(id, fingerprint(text))
  }

  /** `add` with a fingerprint computed elsewhere (the caller may also store it). */
  addFingerprint(id: Id, fp: Fingerprint): Id | null {
    if (this.#positions.has(id)) throw new RangeError(`id already indexed: ${String(id)}`)
    const pos = this.#entries.length
    const match = this.#findMatch(fp)
    const rep = match < 0 ? pos : this.#entries[match]!.rep
    this.#entries.push({ id, rep, fp })
    this.#positions.set(id, pos)
    if (!this.#byHash.has(fp.contentHash)) this.#byHash.set(fp.contentHash, pos)
    if (fp.shingles >= NEAR_DUP_MIN_SHINGLES) {
      bandKeys(fp).forEach((key, i) => {
        const map = this.#bands[i]!
        const list = map.get(key)
        if (list === undefined) map.set(key, [pos])
        else list.push(pos)
      })
    }
    return rep === pos ? null : this.#entries[rep]!.id
  }

  /** The representative id of the group holding `id` (itself when it leads one), or undefined. */
  representativeOf(id: Id): Id | undefined {
    const pos = this.#positions.get(id)
    return pos === undefined ? undefined : this.#entries[this.#entries[pos]!.rep]!.id
  }

  get size(): number {
    return this.#entries.length
  }

  /** All groups in order of their first member; members in the order they were added. */
  groups(): Id[][] {
    const byRep = new Map<number, Id[]>()
    for (const e of this.#entries) {
      const g = byRep.get(e.rep)
      if (g === undefined) byRep.set(e.rep, [e.id])
      else g.push(e.id)
    }
    return [...byRep.values()]
  }

  /** Position of the best verified match, or -1. */
  #findMatch(fp: Fingerprint): number {
    const exact = this.#byHash.get(fp.contentHash)
    if (exact !== undefined) return exact
    if (fp.shingles < NEAR_DUP_MIN_SHINGLES) return -1
    const seen = new Set<number>()
    let best = -1
    let bestScore = -1
    bandKeys(fp).forEach((key, i) => {
      for (const pos of this.#bands[i]!.get(key) ?? []) {
        if (seen.has(pos)) continue
        seen.add(pos)
        const other = this.#entries[pos]!.fp
        if (!isNearDuplicate(fp, other)) continue
        const score = nearDuplicateScore(fp, other)
        if (score > bestScore) [best, bestScore] = [pos, score]
      }
    })
    return best
  }
}

/** SimHash bands then MinHash bands: the lookup keys, one per band position. */
export function bandKeys(fp: Fingerprint): number[] {
  return [...simhashBands(fp.simhash), ...minhashBands(fp.minhash)]
}

/**
 * Groups texts that are near-duplicates of each other (see `NearDuplicateIndex`): every id appears
 * in exactly one group, singletons included; each group starts with its representative.
 */
export function groupNearDuplicates<Id>(items: Iterable<{ id: Id; text: string }>): Id[][] {
  const index = new NearDuplicateIndex<Id>()
  for (const { id, text } of items) index.add(id, text)
  return index.groups()
}
