import type { Kysely } from 'kysely'
import type { Config } from '../config/options.js'
import type { Database } from '../db/schema.js'
import type { Logger } from '../shared/logger.js'
import { createFetcher } from './fetch/create-fetcher.js'
import type { Fetcher } from './fetch/fetch-types.js'
import { createPoliteClient, type PoliteClient } from './fetch/polite-client.js'
import type { WorkPool } from './work/work-pool.js'

/** What the ingest stages need: the store, a polite guarded HTTP client, a logger and a clock. */
export interface IngestContext {
  db: Kysely<Database>
  client: PoliteClient
  log: Logger
  now: () => Date
  /** Called for each newly stored article (analysis, indexing, alerts hook in here). */
  onArticle?: (articleId: number) => Promise<void>
  /** Worker threads for big pages and feeds; the process's shared pool when absent. */
  work?: WorkPool
}

type FetchConfig = Pick<
  Config,
  'fetchAllowPrivate' | 'fetchMinDelayMs' | 'fetchPerHost' | 'fetchTimeoutMs' | 'fetchMaxBytes'
>

/** The guarded fetcher and the polite client over it, as configured. Close the fetcher when done. */
export function createHttpClient(config: FetchConfig): { client: PoliteClient; fetcher: Fetcher } {
  const allow = config.fetchAllowPrivate
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  const fetcher = createFetcher({
    allowPrivate: allow,
    totalTimeoutMs: config.fetchTimeoutMs,
    maxBytes: config.fetchMaxBytes,
  })
  const client = createPoliteClient(fetcher, {
    minDelayMs: config.fetchMinDelayMs,
    perHostConcurrency: config.fetchPerHost,
  })
  return { client, fetcher }
}

export function createIngestContext(
  config: FetchConfig,
  db: Kysely<Database>,
  log: Logger,
): IngestContext & { fetcher: Fetcher } {
  const { client, fetcher } = createHttpClient(config)
  return { db, client, log: log.child({ component: 'ingest' }), now: () => new Date(), fetcher }
}
