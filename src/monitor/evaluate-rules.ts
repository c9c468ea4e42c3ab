import { buildDigests } from './build-digests.js'
import type { MonitorContext } from './monitor-context.js'
import type { AlertCandidate } from './raise-alert.js'
import { raiseAlert } from './raise-alert.js'
import { checkNegativeShare, checkNewMatches, checkSpike } from './rule-checks.js'
import type { AlertRuleKind } from './monitor-schema.js'
import { enabledRules, type RuleWithWatchlist } from './store/alert-rules.js'
import { setWatchlistChecked } from './store/watchlists.js'

const CHECKS: Record<
  AlertRuleKind,
  (ctx: MonitorContext, rule: RuleWithWatchlist, now: Date) => Promise<AlertCandidate | null>
> = {
  spike: checkSpike,
  negative_share: checkNegativeShare,
  new_match: checkNewMatches,
}

export interface EvaluationSummary {
  rules: number
  alerts: number
  failed: number
  digests: number
}

/**
 * One monitoring pass: every enabled rule is checked against its watchlist's query, new alerts are
 * stored with their notifications and outbox messages, each watchlist's new-match mark moves to
 * `now` (only when all its rules ran), then the 07:00 digests are queued. Safe to repeat: alerts
 * are unique per rule and key, digests per user and day.
 */
export async function evaluateRules(ctx: MonitorContext, now: Date): Promise<EvaluationSummary> {
  const rules = await enabledRules(ctx.db)
  const byWatchlist = new Map<number, RuleWithWatchlist[]>()
  for (const r of rules) byWatchlist.set(r.watchlist_id, [...(byWatchlist.get(r.watchlist_id) ?? []), r])
  const summary: EvaluationSummary = { rules: rules.length, alerts: 0, failed: 0, digests: 0 }
  for (const [watchlistId, list] of byWatchlist) {
    let ok = true
    for (const rule of list) {
      try {
        const candidate = await CHECKS[rule.kind](ctx, rule, now)
        if (candidate && (await raiseAlert(ctx.db, rule, candidate, { now, publicUrl: ctx.publicUrl })))
          summary.alerts++
      } catch (err) {
        ok = false
        summary.failed++
        ctx.log.error({ err, rule_id: rule.id, watchlist_id: watchlistId }, 'alert rule failed')
      }
    }
    if (ok) await setWatchlistChecked(ctx.db, watchlistId, now.toISOString())
  }
  summary.digests = await buildDigests(ctx, now)
  ctx.log.info({ ...summary }, 'monitor pass done')
  return summary
}
