import type { Kysely, Selectable } from 'kysely'
import type { Database } from '../../db/schema.js'
import type { AlertLevel, AlertsTable } from '../monitor-schema.js'

export type AlertRow = Selectable<AlertsTable>

export interface NewAlert {
  ruleId: number
  dedupeKey: string
  day: string
  title: string
  body: string
  link: string
  explanation: unknown
  level: AlertLevel
}

/** Inserts the alert unless the rule already has one with this key; returns it only when new. */
export async function insertAlertOnce(
  db: Kysely<Database>,
  a: NewAlert,
  now: Date,
): Promise<AlertRow | undefined> {
  return db
    .insertInto('alerts')
    .values({
      rule_id: a.ruleId,
      dedupe_key: a.dedupeKey,
      day: a.day,
      created_at: now.toISOString(),
      title: a.title,
      body: a.body,
      link: a.link,
      explanation_json: JSON.stringify(a.explanation),
      level: a.level,
    })
    .onConflict((oc) => oc.columns(['rule_id', 'dedupe_key']).doNothing())
    .returningAll()
    .executeTakeFirst()
}

export const listAlerts = (db: Kysely<Database>, opts: { limit: number; since?: string }) => {
  let q = db.selectFrom('alerts').selectAll()
  if (opts.since) q = q.where('created_at', '>=', opts.since)
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(opts.limit).execute()
}

/** Alerts of digest-mode rules created in [from, to), oldest first: what a digest gathers. */
export const digestAlerts = (db: Kysely<Database>, from: string, to: string) =>
  db
    .selectFrom('alerts')
    .innerJoin('alert_rules', 'alert_rules.id', 'alerts.rule_id')
    .innerJoin('watchlists', 'watchlists.id', 'alert_rules.watchlist_id')
    .selectAll('alerts')
    .select([
      'alert_rules.watchlist_id',
      'alert_rules.channels_json',
      'watchlists.owner_id',
      'watchlists.shared',
    ])
    .where('alert_rules.digest', '=', 1)
    .where('alerts.created_at', '>=', from)
    .where('alerts.created_at', '<', to)
    .orderBy('alerts.created_at')
    .orderBy('alerts.id')
    .execute()

/** A watchlist's latest alerts (all its rules), newest first. */
export const alertsOfWatchlist = (db: Kysely<Database>, watchlistId: number, limit: number) =>
  db
    .selectFrom('alerts')
    .innerJoin('alert_rules', 'alert_rules.id', 'alerts.rule_id')
    .selectAll('alerts')
    .select('alert_rules.kind')
    .where('alert_rules.watchlist_id', '=', watchlistId)
    .orderBy('alerts.created_at', 'desc')
    .orderBy('alerts.id', 'desc')
    .limit(limit)
    .execute()
