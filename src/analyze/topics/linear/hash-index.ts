/**
 * A read-only map from 32-bit term hashes to dense columns: open addressing over typed arrays, several
 * times faster than a `Map` for the millions of lookups of training and the per-article lookups of use.
 * Keys are already well-mixed hashes, so their low bits index the table directly.
 */
export class HashIndex {
  readonly size: number
  /** Interleaved slots `[key | 0, column]` so one probe touches one cache line; column -1 = empty. */
  readonly #slots: Int32Array
  readonly #mask: number

  /** `keys[i]` gets column `i`; keys must be distinct. */
  constructor(keys: Uint32Array) {
    this.size = keys.length
    let capacity = 16
    // Load factor at most 1/2 keeps probe chains short.
    while (capacity < keys.length * 2) capacity *= 2
    this.#mask = capacity - 1
    this.#slots = new Int32Array(capacity * 2)
    for (let s = 1; s < this.#slots.length; s += 2) this.#slots[s] = -1
    keys.forEach((key, column) => {
      let slot = key & this.#mask
      while (this.#slots[slot * 2 + 1] !== -1) slot = (slot + 1) & this.#mask
      this.#slots[slot * 2] = key | 0
      this.#slots[slot * 2 + 1] = column
    })
  }

  /** Column of `key`, or -1 when the key is not indexed. */
  get(key: number): number {
    const slots = this.#slots
    const mask = this.#mask
    const signed = key | 0
    let slot = key & mask
    for (;;) {
      const column = slots[slot * 2 + 1]!
      if (column === -1 || slots[slot * 2] === signed) return column
      slot = (slot + 1) & mask
    }
  }
}

/**
 * Document frequency of every hash over documents whose hash lists are each distinct: concatenate, sort
 * and count runs (one native sort instead of millions of map updates).
 */
export function documentFrequencies(docs: readonly Uint32Array[]): { hashes: Uint32Array; df: Int32Array } {
  const total = docs.reduce((n, d) => n + d.length, 0)
  const all = new Uint32Array(total)
  let offset = 0
  for (const d of docs) {
    all.set(d, offset)
    offset += d.length
  }
  all.sort()
  let distinct = 0
  for (let i = 0; i < total; i++) if (i === 0 || all[i] !== all[i - 1]) distinct++
  const hashes = new Uint32Array(distinct)
  const df = new Int32Array(distinct)
  let k = -1
  for (let i = 0; i < total; i++) {
    if (i === 0 || all[i] !== all[i - 1]) hashes[++k] = all[i]!
    df[k]! += 1
  }
  return { hashes, df }
}
