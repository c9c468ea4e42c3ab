import type { Kysely, Selectable } from 'kysely'
import { z } from 'zod'
import type { Database } from '../../db/schema.js'
import type { AlertRuleKind, AlertRulesTable, WatchlistsTable } from '../monitor-schema.js'

/** Where a rule's alerts go. E-mail goes to the recipients' addresses; webhooks by id. */
export const AlertChannels = z.object({
  inapp: z.boolean().default(true),
  email: z.boolean().default(false),
  webhooks: z.array(z.number().int().positive()).default([]),
})
export type AlertChannels = z.output<typeof AlertChannels>

/** `HH:MM`, 00:00–23:59 */
const HH_MM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/)

export const NewAlertRule = z.object({
  watchlistId: z.number().int().positive(),
  kind: z.enum(['new_match', 'spike', 'negative_share']),
  threshold: z.number().positive().nullable().default(null),
  channels: AlertChannels.default({ inapp: true, email: false, webhooks: [] }),
  quietHours: z.object({ start: HH_MM, end: HH_MM }).nullable().default(null),
  digest: z.boolean().default(false),
  enabled: z.boolean().default(true),
})
export type NewAlertRule = z.input<typeof NewAlertRule>

export type AlertRuleRow = Selectable<AlertRulesTable>

export async function createAlertRule(
  db: Kysely<Database>,
  input: NewAlertRule,
  now = new Date(),
): Promise<AlertRuleRow> {
  const r = NewAlertRule.parse(input)
  return db
    .insertInto('alert_rules')
    .values({
      watchlist_id: r.watchlistId,
      kind: r.kind,
      threshold: r.threshold,
      channels_json: JSON.stringify(r.channels),
      quiet_hours_start: r.quietHours?.start ?? null,
      quiet_hours_end: r.quietHours?.end ?? null,
      digest: r.digest ? 1 : 0,
      enabled: r.enabled ? 1 : 0,
      created_at: now.toISOString(),
    })
    .returningAll()
    .executeTakeFirstOrThrow()
}

/** A stored channels value; a damaged one falls back to in-app only rather than failing the whole pass. */
export function parseChannels(json: string): AlertChannels {
  const parsed = AlertChannels.safeParse(safeJson(json))
  return parsed.success ? parsed.data : { inapp: true, email: false, webhooks: [] }
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s)
  } catch {
    return null
  }
}

export interface RuleWithWatchlist extends AlertRuleRow {
  watchlist: Selectable<WatchlistsTable>
  kind: AlertRuleKind
}

/** Enabled rules with their watchlist, grouped by watchlist order. */
export async function enabledRules(db: Kysely<Database>): Promise<RuleWithWatchlist[]> {
  const rules = await db
    .selectFrom('alert_rules')
    .selectAll()
    .where('enabled', '=', 1)
    .orderBy('watchlist_id')
    .orderBy('id')
    .execute()
  if (rules.length === 0) return []
  const ids = [...new Set(rules.map((r) => r.watchlist_id))]
  const lists = await db.selectFrom('watchlists').selectAll().where('id', 'in', ids).execute()
  const byId = new Map(lists.map((w) => [w.id, w]))
  return rules
    .filter((r) => byId.has(r.watchlist_id))
    .map((r) => ({ ...r, watchlist: byId.get(r.watchlist_id)! }))
}

export const rulesOfWatchlist = (db: Kysely<Database>, watchlistId: number) =>
  db.selectFrom('alert_rules').selectAll().where('watchlist_id', '=', watchlistId).orderBy('id').execute()

export const findAlertRule = (db: Kysely<Database>, id: number) =>
  db.selectFrom('alert_rules').selectAll().where('id', '=', id).executeTakeFirst()

/** Replaces a rule's settings (its watchlist stays). */
export async function updateAlertRule(db: Kysely<Database>, id: number, input: NewAlertRule) {
  const r = NewAlertRule.parse(input)
  await db
    .updateTable('alert_rules')
    .set({
      kind: r.kind,
      threshold: r.threshold,
      channels_json: JSON.stringify(r.channels),
      quiet_hours_start: r.quietHours?.start ?? null,
      quiet_hours_end: r.quietHours?.end ?? null,
      digest: r.digest ? 1 : 0,
      enabled: r.enabled ? 1 : 0,
    })
    .where('id', '=', id)
    .execute()
}

export const setAlertRuleEnabled = (db: Kysely<Database>, id: number, enabled: boolean) =>
  db
    .updateTable('alert_rules')
    .set({ enabled: enabled ? 1 : 0 })
    .where('id', '=', id)
    .execute()

export const deleteAlertRule = (db: Kysely<Database>, id: number) =>
  db.deleteFrom('alert_rules').where('id', '=', id).execute()

/** Takes a deleted webhook out of every rule's channels, so no alert queues deliveries to it. */
export async function removeWebhookFromRules(db: Kysely<Database>, webhookId: number): Promise<number> {
  const rules = await db.selectFrom('alert_rules').select(['id', 'channels_json']).execute()
  let changed = 0
  for (const r of rules) {
    const ch = parseChannels(r.channels_json)
    if (!ch.webhooks.includes(webhookId)) continue
    const next = { ...ch, webhooks: ch.webhooks.filter((id) => id !== webhookId) }
    await db
      .updateTable('alert_rules')
      .set({ channels_json: JSON.stringify(next) })
      .where('id', '=', r.id)
      .execute()
    changed++
  }
  return changed
}
