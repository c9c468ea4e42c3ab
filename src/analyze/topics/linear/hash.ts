/**
 * 32-bit hashing for text features. A feature is identified by the hash of its canonical string, so a
 * model stores numbers instead of strings; with full 32-bit ids collisions among a few hundred thousand
 * features are rare enough not to matter for a linear classifier.
 */

export const FNV_OFFSET = 0x811c9dc5
export const FNV_PRIME = 0x01000193

/** FNV-1a over UTF-16 code units, mixed with a seed so different feature families do not collide. */
export function hashString(s: string, seed = 0): number {
  let h = (FNV_OFFSET ^ seed) >>> 0
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, FNV_PRIME)
  }
  return finalizeHash(h)
}

/** Order-sensitive combination of two hashes (for bigrams), without building the joined string. */
export function hashPair(a: number, b: number, seed = 0): number {
  let h = Math.imul(a ^ seed, 0x9e3779b1)
  h = Math.imul(h ^ (h >>> 15) ^ b, 0x85ebca6b)
  return finalizeHash(h)
}

/** murmur3 finaliser: spreads the low-entropy bits of FNV over the whole word. */
export function finalizeHash(x: number): number {
  let h = x
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}
