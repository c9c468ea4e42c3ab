/** mulberry32: a tiny deterministic PRNG, so generated demo articles are the same on every build. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A random walk of `days` values starting at `start`, each step within ±`step`, kept inside [min, max]. */
export function randomWalk(
  rand: () => number,
  days: number,
  start: number,
  step: number,
  min: number,
  max: number,
) {
  const out: number[] = []
  let v = start
  for (let i = 0; i < days; i++) {
    v = Math.min(max, Math.max(min, v + (rand() * 2 - 1) * step))
    out.push(v)
  }
  return out
}
