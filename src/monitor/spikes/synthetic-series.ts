import { addDays } from './day-math.js'
import type { DayCount } from './detect-spike.js'

/** A small seeded generator (mulberry32): tests and the bench get the same series on every run. */
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

function normal(rand: () => number): number {
  const u = Math.max(rand(), 1e-12)
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand())
}

/** Gamma(shape, 1) by Marsaglia–Tsang. */
function gamma(shape: number, rand: () => number): number {
  if (shape < 1) return gamma(shape + 1, rand) * rand() ** (1 / shape)
  const d = shape - 1 / 3
  const c = 1 / Math.sqrt(9 * d)
  for (;;) {
    const x = normal(rand)
    const v = (1 + c * x) ** 3
    if (v <= 0) continue
    const u = rand()
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v
  }
}

/** Poisson sample: Knuth's product method for small means, a rounded normal for large ones. */
export function poisson(mean: number, rand: () => number): number {
  if (mean <= 0) return 0
  if (mean > 60) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal(rand)))
  const limit = Math.exp(-mean)
  let k = 0
  let p = rand()
  while (p > limit) {
    k++
    p *= rand()
  }
  return k
}

export interface SeriesSpec {
  days: number
  /** mean mentions per day */
  mean: number
  /** weekday multipliers, 0 = Sunday; default flat */
  weekly?: readonly number[]
  /** 0 = Poisson; otherwise variance = mean + dispersion·mean² */
  dispersion?: number
  /** first day key, default 2026-01-01 */
  start?: string
}

/** Daily counts drawn from a (negative binomial) Poisson with weekly rhythm. */
export function syntheticSeries(spec: SeriesSpec, rand: () => number): DayCount[] {
  const start = spec.start ?? '2026-01-01'
  const startWeekday = new Date(`${start}T00:00:00Z`).getUTCDay()
  const out: DayCount[] = []
  for (let i = 0; i < spec.days; i++) {
    const w = spec.weekly?.[(startWeekday + i) % 7] ?? 1
    let m = spec.mean * w
    if (spec.dispersion) m *= gamma(1 / spec.dispersion, rand) * spec.dispersion
    out.push({ day: addDays(start, i), count: poisson(m, rand) })
  }
  return out
}
