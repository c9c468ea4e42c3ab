import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.js'
import type { Logger } from '../shared/logger.js'
import type { DayCount } from './spikes/detect-spike.js'

/**
 * What monitoring needs from search. The query engine (src/search) provides it; tests use plain SQL.
 * `from` inclusive, `to` exclusive, ISO instants; `field` says which time the range is on:
 * `published_at` (what happened that day) or `created_at` (what reached the office since the last check).
 */
export interface MonitorSearch {
  matchArticles(
    query: string,
    range: { from: string; to: string; field: 'published_at' | 'created_at' },
  ): Promise<{ id: number }[]>
  /** Matching articles per Viet Nam day of publication, for the days `from`…`to` inclusive (`2026-03-01`). */
  dailyCounts(query: string, range: { from: string; to: string }): Promise<DayCount[]>
}

export interface MonitorContext {
  db: Kysely<Database>
  search: MonitorSearch
  log: Logger
  /** base of links in e-mails and webhooks (config `publicUrl`) */
  publicUrl: string
  /** first Viet Nam day the store has coverage for: earlier days are unknown, not quiet */
  firstDay?: string
}
