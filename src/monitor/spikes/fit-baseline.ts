/**
 * Tuning of the baseline fit. Each is a prior or a floor that matters on sparse or short windows and
 * fades once the window holds much evidence. Chosen on the synthetic series of bench/spikes.ts.
 */
export const FIT_DEFAULTS = {
  /** pseudo-mentions pulling each weekday factor towards 1: 4 Mondays with 2 mentions prove no weekly rhythm */
  dowPriorCounts: 3,
  /** gamma prior on the daily rate: a never-mentioned series still expects ~0.5 mentions a month */
  priorCounts: 0.5,
  priorDays: 1,
  /**
   * Day-to-day spread beyond Poisson (variance = mean + φ·mean²) that news counts usually show. A
   * four-week window estimates φ poorly (one quiet month looks tight), so the estimate is averaged with
   * this prior as if it had been seen on `priorDispersionDays` extra days.
   */
  priorDispersion: 0.3,
  priorDispersionDays: 28,
  /** news counts are never tighter than this; keeps dense series honest */
  minDispersion: 0.05,
} as const

export interface BaselineFit {
  /** mentions per average day */
  rate: number
  /** seven weekday factors (0 = Sunday), averaging 1 over the window */
  factors: number[]
  /** negative binomial size for the next day: extra-Poisson spread plus the uncertainty of `rate` */
  size: number
  dispersion: number
}

/** Fits rate, weekday factors and overdispersion to a window of daily counts (`weekdays[i]` of `counts[i]`). */
export function fitBaseline(counts: readonly number[], weekdays: readonly number[]): BaselineFit {
  const f = FIT_DEFAULTS
  const n = counts.length
  let total = 0
  for (const c of counts) total += c
  const rate = (total + f.priorCounts) / (n + f.priorDays)
  // factors first as if the counts were Poisson, then again once the spread around them is known
  const rough = fitDispersion(counts, weekdays, weekdayFactors(counts, weekdays, total / n, 0), rate)
  const factors = weekdayFactors(counts, weekdays, total / n, rough)
  const dispersion = fitDispersion(counts, weekdays, factors, rate)
  // the rate itself is uncertain: relative variance 1/total (Poisson part) + φ/n (the spread between days)
  const rateUncertainty = 1 / (total + f.priorCounts) + dispersion / n
  return { rate, factors, dispersion, size: 1 / (dispersion + rateUncertainty) }
}

/**
 * Weekday factors shrunk towards 1. Overdispersed days carry less evidence than their counts suggest,
 * so each weekday's sum counts as `sum / (1 + φ·mean)` Poisson-equivalent mentions.
 */
function weekdayFactors(
  counts: readonly number[],
  weekdays: readonly number[],
  mean: number,
  dispersion: number,
) {
  const sums = new Array<number>(7).fill(0)
  const days = new Array<number>(7).fill(0)
  for (let i = 0; i < counts.length; i++) {
    const w = weekdays[i]!
    sums[w] = sums[w]! + counts[i]!
    days[w] = days[w]! + 1
  }
  const weight = 1 / (1 + dispersion * mean)
  const k = FIT_DEFAULTS.dowPriorCounts
  const factors = sums.map((s, d) => (s * weight + k) / (days[d]! * mean * weight + k))
  let norm = 0
  for (const w of weekdays) norm += factors[w]!
  norm /= counts.length
  return factors.map((x) => x / norm)
}

/** Method of moments on the window, Σ((c − e)² − e) / Σe², averaged with the prior and floored. */
function fitDispersion(
  counts: readonly number[],
  weekdays: readonly number[],
  factors: readonly number[],
  rate: number,
) {
  const f = FIT_DEFAULTS
  let num = 0
  let den = 0
  for (let i = 0; i < counts.length; i++) {
    const e = rate * factors[weekdays[i]!]!
    const r = counts[i]! - e
    num += r * r - e
    den += e * e
  }
  const raw = den > 0 ? num / den : 0
  const n = counts.length
  return Math.max(
    f.minDispersion,
    (n * raw + f.priorDispersionDays * f.priorDispersion) / (n + f.priorDispersionDays),
  )
}
