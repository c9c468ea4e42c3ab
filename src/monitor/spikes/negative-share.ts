import type { SpikeLevel } from './detect-spike.js'

export interface DayTone {
  day: string
  /** matching articles with a tone score */
  total: number
  /** of which negative (tone below the "negative" band edge) */
  negative: number
}

export const NEGATIVE_SHARE_DEFAULTS = {
  /** half the day's coverage negative: the office's usual "coverage has turned" line */
  threshold: 0.5,
  /** below this many articles a share is anecdote (2 of 3 is 67 %): nothing is reported */
  minArticles: 5,
  /** z for the Wilson lower bound: an alert needs the share above the threshold with ~95 % confidence */
  confidenceZ: 1.645,
} as const

export type NegativeShareReason =
  | 'share_above_threshold'
  | 'share_maybe_above'
  | 'within_threshold'
  | 'too_few_articles'

export interface NegativeShareResult {
  day: string
  total: number
  negative: number
  share: number
  /** the share over the other days of the series (the trailing baseline), for comparison */
  baselineShare: number
  /** Wilson lower bound of the day's share */
  lowerBound: number
  level: SpikeLevel
  reason: NegativeShareReason
}

/** Wilson score lower bound of a binomial proportion. */
export function wilsonLower(k: number, n: number, z: number): number {
  if (n === 0) return 0
  const p = k / n
  const z2 = z * z
  const centre = p + z2 / (2 * n)
  const margin = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))
  return Math.max(0, (centre - margin) / (1 + z2 / n))
}

/**
 * Checks the last day (or `opts.day`) of a tone series: `alert` when the negative share is above the
 * threshold beyond reasonable doubt (Wilson lower bound), `watch` when only the point share is.
 */
export function negativeShare(
  series: readonly DayTone[],
  opts: Partial<{ threshold: number; minArticles: number; confidenceZ: number; day: string }> = {},
): NegativeShareResult {
  const o = { ...NEGATIVE_SHARE_DEFAULTS, ...opts }
  const day = opts.day ?? series.reduce((m, p) => (p.day > m ? p.day : m), '')
  let total = 0
  let negative = 0
  let baseTotal = 0
  let baseNegative = 0
  for (const p of series) {
    if (p.day === day) {
      total += p.total
      negative += p.negative
    } else if (p.day < day) {
      baseTotal += p.total
      baseNegative += p.negative
    }
  }
  const share = total ? negative / total : 0
  const lowerBound = wilsonLower(negative, total, o.confidenceZ)
  const base = {
    day,
    total,
    negative,
    share,
    lowerBound,
    baselineShare: baseTotal ? baseNegative / baseTotal : 0,
  }
  if (total < o.minArticles) return { ...base, level: 'none', reason: 'too_few_articles' }
  if (share <= o.threshold) return { ...base, level: 'none', reason: 'within_threshold' }
  if (lowerBound >= o.threshold) return { ...base, level: 'alert', reason: 'share_above_threshold' }
  return { ...base, level: 'watch', reason: 'share_maybe_above' }
}
