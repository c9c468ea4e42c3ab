import { dayKeyOf, dayNumber, weekdayOf } from './day-math.js'
import { fitBaseline } from './fit-baseline.js'
import { negBinomialUpperTail } from './tail-probability.js'

export interface DayCount {
  /** Viet Nam calendar day, `2026-03-01` */
  day: string
  count: number
}

export type SpikeLevel = 'none' | 'watch' | 'alert'
export type SpikeReason =
  | 'spike'
  | 'elevated'
  | 'within_expected'
  | 'below_min_count'
  | 'low_lift'
  | 'insufficient_history'

/**
 * Named thresholds. A p-value is the chance of a count at least this high on an ordinary day,
 * under the fitted negative binomial; the count floors stop sparse series from alarming on 1–2 mentions.
 */
export const SPIKE_DEFAULTS = {
  /** four weeks: every weekday seen four times, short enough to follow a slowly changing level */
  windowDays: 28,
  /** fewer known days than this and the baseline is a guess: report nothing */
  minHistoryDays: 7,
  /** 3 mentions on a 0.2/day baseline (p ≈ 0.002) alerts; on dense series ≈ 2.6 standard deviations */
  alertP: 0.005,
  /** 2 mentions on a 0.2/day baseline (p ≈ 0.025) stay below this: no "watch" for a pair of mentions */
  watchP: 0.02,
  /** an alert needs at least this many mentions, however quiet the baseline */
  minAlertCount: 3,
  /** and a watch at least this many */
  minWatchCount: 2,
  /** a statistically clear but small rise on a dense series (e.g. 1,100 vs 1,000) is not news */
  minLift: 1.5,
} as const

export type SpikeOptions = Partial<{ -readonly [K in keyof typeof SPIKE_DEFAULTS]: number }> & {
  /** the day to judge; default the last day of the series */
  day?: string
  /** the first day with data: earlier days are unknown, not zero; default the first day of the series */
  firstDay?: string
}

export interface SpikeResult {
  isSpike: boolean
  day: string
  observed: number
  /** the count expected on this weekday from the trailing baseline */
  expected: number
  pValue: number
  /** −log10 of the p-value: 2 = 1 in 100, 3 = 1 in 1,000 */
  score: number
  level: SpikeLevel
  reason: SpikeReason
  /** the negative binomial size used (variance = mean + mean²/size) */
  size: number
  baselineDays: number
}

/**
 * Judges one day of a daily count series against its trailing window: day-of-week factors and
 * overdispersion fitted on the window, then a negative-binomial upper-tail probability. Missing
 * days inside the known range count as zero (a quiet day is a day with no match).
 */
export function detectSpike(series: readonly DayCount[], options: SpikeOptions = {}): SpikeResult {
  const o = { ...SPIKE_DEFAULTS, ...options }
  const byDay = new Map<number, number>()
  let first = Number.POSITIVE_INFINITY
  let last = Number.NEGATIVE_INFINITY
  for (const p of series) {
    const n = dayNumber(p.day)
    byDay.set(n, (byDay.get(n) ?? 0) + p.count)
    first = Math.min(first, n)
    last = Math.max(last, n)
  }
  const target = options.day ? dayNumber(options.day) : last
  const day = options.day ?? (Number.isFinite(last) ? dayKeyOf(last) : '')
  const observed = byDay.get(target) ?? 0
  const known = options.firstDay ? dayNumber(options.firstDay) : first
  const start = Math.max(target - o.windowDays, Number.isFinite(known) ? known : target)
  const counts: number[] = []
  const weekdays: number[] = []
  for (let n = start; n < target; n++) {
    counts.push(byDay.get(n) ?? 0)
    weekdays.push(weekdayOf(n))
  }
  const base = { day, observed, baselineDays: counts.length }
  if (counts.length < o.minHistoryDays) {
    return {
      ...base,
      isSpike: false,
      expected: Number.NaN,
      pValue: 1,
      score: 0,
      size: Number.NaN,
      level: 'none',
      reason: 'insufficient_history',
    }
  }
  const fit = fitBaseline(counts, weekdays)
  const expected = fit.rate * fit.factors[weekdayOf(target)]!
  const pValue = negBinomialUpperTail(observed, expected, fit.size)
  const score = -Math.log10(Math.max(pValue, Number.MIN_VALUE))
  const lift = observed / expected
  const judged = { ...base, expected, pValue, score, size: fit.size }
  const verdict = (level: SpikeLevel, reason: SpikeReason) => ({
    ...judged,
    isSpike: level === 'alert',
    level,
    reason,
  })
  if (observed < o.minWatchCount) return verdict('none', 'below_min_count')
  if (lift < o.minLift) return verdict('none', 'low_lift')
  if (pValue <= o.alertP && observed >= o.minAlertCount) return verdict('alert', 'spike')
  if (pValue <= o.watchP) return verdict('watch', 'elevated')
  return verdict('none', pValue <= o.alertP ? 'below_min_count' : 'within_expected')
}
