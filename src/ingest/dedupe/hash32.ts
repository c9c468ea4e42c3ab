/**
 * Small, fast 32-bit hash steps on plain numbers (no BigInt in the hot loops): FNV-1a to hash a
 * syllable's code units, MurmurHash3's block and finalisation steps to combine and spread.
 */

const FNV_OFFSET = 0x811c9dc5
const FNV_PRIME = 0x01000193
const M3_C1 = 0xcc9e2d51
const M3_C2 = 0x1b873593
const M3_N = 0xe6546b64

/** FNV-1a over the UTF-16 code units `s[start..end)`: one syllable, without slicing a string out. */
export function fnv1aRange(s: string, start: number, end: number): number {
  let h = FNV_OFFSET
  for (let i = start; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME)
  return h | 0
}

/** MurmurHash3's per-block step: feeds the 32-bit value `k` into the state `h`. */
export function murmurRound(h: number, k: number): number {
  let x = Math.imul(k, M3_C1)
  x = (x << 15) | (x >>> 17)
  x = Math.imul(x, M3_C2)
  let y = h ^ x
  y = (y << 13) | (y >>> 19)
  return (Math.imul(y, 5) + M3_N) | 0
}

/** MurmurHash3's finaliser: every input bit affects every output bit. Returns an unsigned value. */
export function fmix32(h: number): number {
  let x = h ^ (h >>> 16)
  x = Math.imul(x, 0x85ebca6b)
  x ^= x >>> 13
  x = Math.imul(x, 0xc2b2ae35)
  return (x ^ (x >>> 16)) >>> 0
}

/** Order-sensitive hash of three 32-bit values under `seed` (a syllable 3-shingle). Unsigned. */
export function hash3(a: number, b: number, c: number, seed: number): number {
  return fmix32(murmurRound(murmurRound(murmurRound(seed, a), b), c) ^ 12)
}

/** Set bits in a 32-bit value. */
export function popcount32(v: number): number {
  let x = v - ((v >>> 1) & 0x55555555)
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333)
  x = (x + (x >>> 4)) & 0x0f0f0f0f
  return Math.imul(x, 0x01010101) >>> 24
}
