/** 32-bit FNV-1a of a string's UTF-16 code units. Never returns 0 (0 marks an empty slot). */
export function hashString(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0 || 1
}

/** Murmur3 mixing step: folds `v` into the running hash `h`. */
export function mix(h: number, v: number): number {
  let k = Math.imul(v, 0xcc9e2d51)
  k = (k << 15) | (k >>> 17)
  k = Math.imul(k, 0x1b873593)
  let x = h ^ k
  x = (x << 13) | (x >>> 19)
  return (Math.imul(x, 5) + 0xe6546b64) | 0
}

/** Murmur3 finaliser: spreads the bits of `h`; result is an unsigned 32-bit integer, never 0. */
export function finish(h: number): number {
  let x = h ^ (h >>> 16)
  x = Math.imul(x, 0x85ebca6b)
  x ^= x >>> 13
  x = Math.imul(x, 0xc2b2ae35)
  x ^= x >>> 16
  return x >>> 0 || 1
}

/** Hash of a word given the hashes of its syllables `syl[from..to)`. */
export function wordHash(syl: Uint32Array, from: number, to: number): number {
  let h = 0x2f0b3a5c
  for (let i = from; i < to; i++) h = mix(h, syl[i]!)
  return finish(h)
}

/**
 * A set of non-zero 32-bit hashes with open addressing in a typed array: no objects, one probe
 * sequence per lookup. Load factor stays at or below one half.
 */
export class HashSet32 {
  private readonly slots: Uint32Array
  private readonly mask: number
  readonly size: number

  constructor(values: Uint32Array) {
    let cap = 16
    while (cap < values.length * 2) cap *= 2
    this.slots = new Uint32Array(cap)
    this.mask = cap - 1
    let size = 0
    for (const v of values) if (this.insert(v)) size++
    this.size = size
  }

  private insert(v: number): boolean {
    let i = v & this.mask
    for (;;) {
      const s = this.slots[i]!
      if (s === v) return false
      if (s === 0) {
        this.slots[i] = v
        return true
      }
      i = (i + 1) & this.mask
    }
  }

  has(v: number): boolean {
    let i = v & this.mask
    for (;;) {
      const s = this.slots[i]!
      if (s === v) return true
      if (s === 0) return false
      i = (i + 1) & this.mask
    }
  }

  /** The members, sorted: a compact, stable form for model files. */
  values(): Uint32Array {
    return this.slots.filter((v) => v !== 0).sort()
  }
}
