import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.js'
import { createAlertRule, type NewAlertRule } from './store/alert-rules.js'
import { createWatchlist } from './store/watchlists.js'

export interface DefaultWatchlistInput {
  /** the taxonomy's sensitive topics (`sensitive.east_sea`) with their Vietnamese labels */
  sensitiveTopics: readonly { id: string; label: string }[]
  /** the office's home locality as a gazetteer place, when setup resolved one */
  home: { placeId: string; name: string } | null
}

type RuleTemplate = Omit<NewAlertRule, 'watchlistId'>

/** Sensitive topics: a spike alerts at once; every new article reaches the app and the morning digest. */
const SENSITIVE_RULES: RuleTemplate[] = [
  { kind: 'spike', channels: { inapp: true, email: true, webhooks: [] } },
  { kind: 'new_match', digest: true, channels: { inapp: true, email: true, webhooks: [] } },
]
/** The home locality: a spike or a turn to negative coverage alerts at once. */
const HOME_RULES: RuleTemplate[] = [
  { kind: 'spike', channels: { inapp: true, email: true, webhooks: [] } },
  { kind: 'negative_share', threshold: 0.5, channels: { inapp: true, email: true, webhooks: [] } },
]

/**
 * Creates the shipped watchlists (one per sensitive topic, one for the home locality) with their
 * rules, skipping any whose query already has a default watchlist. Safe at every start-up; returns
 * how many were created.
 */
export async function ensureDefaultWatchlists(
  db: Kysely<Database>,
  input: DefaultWatchlistInput,
  now = new Date(),
): Promise<number> {
  const wanted = [
    ...input.sensitiveTopics.map((t) => ({ name: t.label, query: `topic:${t.id}`, rules: SENSITIVE_RULES })),
    ...(input.home
      ? [{ name: input.home.name, query: `place:${input.home.placeId}`, rules: HOME_RULES }]
      : []),
  ]
  const existing = new Set(
    (await db.selectFrom('watchlists').select('query').where('is_default', '=', 1).execute()).map(
      (w) => w.query,
    ),
  )
  let created = 0
  for (const w of wanted) {
    if (existing.has(w.query)) continue
    await db.transaction().execute(async (trx) => {
      const list = await createWatchlist(trx, { name: w.name, query: w.query, isDefault: true }, now)
      for (const r of w.rules) await createAlertRule(trx, { ...r, watchlistId: list.id }, now)
    })
    created++
  }
  return created
}
