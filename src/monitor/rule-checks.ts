import { vnDayKey } from '../shared/time.js'
import { explorerLink, negativeShareText, newMatchText, spikeText } from './alert-message.js'
import { loadArticleFacts, type MonitoredArticle } from './article-facts.js'
import type { MonitorContext } from './monitor-context.js'
import type { AlertCandidate } from './raise-alert.js'
import { vnDayStart } from './schedule-times.js'
import { addDays } from './spikes/day-math.js'
import { detectSpike, SPIKE_DEFAULTS } from './spikes/detect-spike.js'
import { explainSpike, type SpikeExplanation } from './spikes/explain-spike.js'
import { type DayTone, negativeShare } from './spikes/negative-share.js'
import type { RuleWithWatchlist } from './store/alert-rules.js'

/** The explanation reads at most this many baseline articles (a sample: rates are scaled to it). */
const MAX_BASELINE_ARTICLES = 3000
/** Tone below this is negative: the search's "tiêu cực" band on the −10…+10 scale. */
export const NEGATIVE_TONE_BELOW = -1
/** The series asked of search reaches this far back: the window plus a week of slack for day-of-week. */
const SERIES_DAYS = SPIKE_DEFAULTS.windowDays + 7

interface Period {
  today: string
  dayStart: Date
  windowStart: Date
}

const periodOf = (now: Date): Period => ({
  today: vnDayKey(now),
  dayStart: vnDayStart(now),
  windowStart: vnDayStart(now, -SPIKE_DEFAULTS.windowDays),
})

async function matchedFacts(
  ctx: MonitorContext,
  query: string,
  from: Date,
  to: Date,
  field: 'published_at' | 'created_at',
) {
  const ids = await ctx.search.matchArticles(query, { from: from.toISOString(), to: to.toISOString(), field })
  return loadArticleFacts(
    ctx.db,
    ids.map((a) => a.id),
  )
}

/** Explains the judged day's articles against the window's, sampling a very large baseline. */
function explain(
  current: MonitoredArticle[],
  baseline: MonitoredArticle[],
  baselineDays: number,
): SpikeExplanation {
  const sample = baseline.length > MAX_BASELINE_ARTICLES ? baseline.slice(-MAX_BASELINE_ARTICLES) : baseline
  const days = baselineDays * (sample.length / Math.max(1, baseline.length))
  return explainSpike(current, sample, { baselineDays: Math.max(days, 1e-9) })
}

export async function checkSpike(
  ctx: MonitorContext,
  rule: RuleWithWatchlist,
  now: Date,
): Promise<AlertCandidate | null> {
  const { query, name } = rule.watchlist
  const p = periodOf(now)
  const series = await ctx.search.dailyCounts(query, { from: addDays(p.today, -SERIES_DAYS), to: p.today })
  const r = detectSpike(series, {
    day: p.today,
    ...(ctx.firstDay ? { firstDay: ctx.firstDay } : {}),
    ...(rule.threshold ? { minLift: rule.threshold } : {}),
  })
  if (r.level === 'none') return null
  const current = await matchedFacts(ctx, query, p.dayStart, now, 'published_at')
  const baseline = await matchedFacts(
    ctx,
    query,
    vnDayStart(now, -r.baselineDays),
    p.dayStart,
    'published_at',
  )
  const x = explain(current, baseline, r.baselineDays)
  const text = spikeText(name, r, x)
  return {
    ...text,
    dedupeKey: `${p.today}:${r.level}`,
    day: p.today,
    level: r.level,
    link: explorerLink(query),
    detail: { detection: r, drivers: x },
  }
}

export async function checkNegativeShare(
  ctx: MonitorContext,
  rule: RuleWithWatchlist,
  now: Date,
): Promise<AlertCandidate | null> {
  const { query, name } = rule.watchlist
  const p = periodOf(now)
  const articles = (await matchedFacts(ctx, query, p.windowStart, now, 'published_at')).filter(
    (a) => a.tone !== null && a.publishedAt,
  )
  const byDay = new Map<string, DayTone>()
  for (const a of articles) {
    const day = vnDayKey(a.publishedAt!)
    const d = byDay.get(day) ?? { day, total: 0, negative: 0 }
    d.total++
    if (a.tone! < NEGATIVE_TONE_BELOW) d.negative++
    byDay.set(day, d)
  }
  const r = negativeShare([...byDay.values()], {
    day: p.today,
    ...(rule.threshold ? { threshold: rule.threshold } : {}),
  })
  if (r.level === 'none') return null
  const negative = articles.filter((a) => a.tone! < NEGATIVE_TONE_BELOW)
  const isToday = (a: MonitoredArticle) => vnDayKey(a.publishedAt!) === p.today
  const x = explain(
    negative.filter(isToday),
    negative.filter((a) => !isToday(a)),
    SPIKE_DEFAULTS.windowDays,
  )
  const text = negativeShareText(name, r, x)
  return {
    ...text,
    dedupeKey: `${p.today}:negative:${r.level}`,
    day: p.today,
    level: r.level,
    link: explorerLink(query),
    detail: { detection: r, drivers: x },
  }
}

/** Articles that reached the store since the watchlist's last check; the first check only sets the mark. */
export async function checkNewMatches(
  ctx: MonitorContext,
  rule: RuleWithWatchlist,
  now: Date,
): Promise<AlertCandidate | null> {
  const { query, name, last_checked_at } = rule.watchlist
  if (!last_checked_at) return null
  const found = await matchedFacts(ctx, query, new Date(last_checked_at), now, 'created_at')
  if (found.length === 0) return null
  found.sort((a, b) => a.id - b.id)
  const text = newMatchText(name, found)
  const ids = found.map((a) => a.id)
  return {
    ...text,
    dedupeKey: `new:${ids[0]}-${ids.at(-1)}`,
    day: vnDayKey(now),
    level: 'alert',
    link: explorerLink(query),
    detail: { articleIds: ids.slice(0, 200), count: ids.length },
  }
}
