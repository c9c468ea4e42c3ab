import { createInterface } from 'node:readline'
import type { Readable } from 'node:stream'
import { sql } from 'kysely'
import type { Db } from '../db/database.js'
import { upsertSource } from '../db/tables/sources.js'
import { normalizeText } from '../text/normalize.js'
import { DEFER_INDEXES_AFTER, type DeferredIndexes, deferredIndexes } from './import-indexes.js'
import { type BulkIndexes, deferredIndexesPostgres } from './import-indexes-pg.js'
import { indexArticles } from './index-article.js'
import { ImportLine, prepareArticle } from './import-row.js'
import { type BatchArticle, withImportCache, writeBatchPostgres, writeBatchSqlite } from './import-write.js'

/**
 * Lines per transaction: large enough to amortise commits (each dirties the same hot index pages
 * again) and PostgreSQL round trips, small enough to bound memory (about 10 KB per prepared line).
 */
export const IMPORT_BATCH = 2000
/** Articles imported at once after which PostgreSQL statistics are refreshed (autovacuum lags). */
const ANALYZE_AFTER = 10_000
/** Problems reported in detail; further bad lines are only counted. */
const MAX_REPORTED_ERRORS = 100

export interface ImportProgress {
  lines: number
  imported: number
  updated: number
  failed: number
}

/** Why a line was skipped: not JSON, a required field absent, a field of the wrong kind. */
export type ImportProblem = 'not_json' | 'missing' | 'invalid'

export interface ImportError {
  line: number
  reason: ImportProblem
  /** the field at fault (`missing`, `invalid`) */
  field?: string
  /** in English, for logs */
  message: string
}

export interface ImportResult extends ImportProgress {
  errors: ImportError[]
}

export interface ImportOptions {
  onProgress?: (p: ImportProgress) => void
  /** source name for lines without one */
  defaultSource?: string
  /**
   * Lines after which indexes are dropped and built at the end: SQLite's secondary indexes
   * (import-indexes.ts), PostgreSQL's words index (import-indexes-pg.ts)
   */
  deferIndexesAfter?: number
}

/**
 * Imports JSON lines (`id`, `text`, optional `title`, `url`, `source`, `lang`, `published_at`) as
 * articles and indexes them in the same transaction batches. Sources are found or created by name
 * (homepage `import:<name>`), articles keyed by canonical URL `import:<id>`: importing a file again
 * updates the articles instead of duplicating them. Bad lines are reported and skipped.
 */
export async function importJsonl(
  store: Db,
  input: Readable,
  opts: ImportOptions = {},
): Promise<ImportResult> {
  // indexes a crashed import left dropped are built first; a long import defers its own
  const bulk = store.sqlite ? bulkIndexes(deferredIndexes(store.sqlite)) : deferredIndexesPostgres(store.db)
  const result = await withImportCache(store, async () => {
    await bulk.restore()
    try {
      return await importLines(store, input, opts, bulk)
    } finally {
      await bulk.finish() // SQLite: inside the large cache, where building an index sorts
    }
  })
  // the planner's word statistics come from ANALYZE; after a large import they describe another table
  if (store.dialect === 'postgres' && result.imported + result.updated >= ANALYZE_AFTER)
    await sql`analyze search_docs`.execute(store.db)
  return result
}

/** SQLite's index upkeep (synchronous) in the steps the import awaits. */
const bulkIndexes = (d: DeferredIndexes): BulkIndexes => ({
  defer: async () => d.defer(),
  restore: async () => d.restore(),
  finish: async () => d.finish(),
})

async function importLines(
  store: Db,
  input: Readable,
  opts: ImportOptions,
  bulk: BulkIndexes,
): Promise<ImportResult> {
  const result: ImportResult = { lines: 0, imported: 0, updated: 0, failed: 0, errors: [] }
  const sources = new Map<string, { id: number; country: string }>()
  let batch: { n: number; line: ImportLine }[] = []
  const fail = (e: ImportError) => {
    result.failed++
    if (result.errors.length < MAX_REPORTED_ERRORS) result.errors.push(e)
  }
  const flush = async () => {
    if (batch.length === 0) return
    if (result.lines >= (opts.deferIndexesAfter ?? DEFER_INDEXES_AFTER)) await bulk.defer()
    await importBatch(store, batch, sources, result, opts.defaultSource ?? 'import')
    batch = []
    opts.onProgress?.({
      lines: result.lines,
      imported: result.imported,
      updated: result.updated,
      failed: result.failed,
    })
  }
  for await (const raw of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
    const n = ++result.lines
    if (raw.trim() === '') continue
    let parsed: unknown
    try {
      parsed = JSON.parse(raw)
    } catch {
      fail({ line: n, reason: 'not_json', message: 'not valid JSON' })
      continue
    }
    const line = ImportLine.safeParse(parsed)
    if (!line.success) {
      const first = line.error.issues[0]
      const field = first?.path.join('.') || 'line'
      const absent =
        first?.code === 'invalid_type' &&
        typeof parsed === 'object' &&
        parsed !== null &&
        !(field in (parsed as Record<string, unknown>))
      fail({
        line: n,
        reason: absent ? 'missing' : 'invalid',
        field,
        message: line.error.issues.map((i) => `${i.path.join('.') || 'line'}: ${i.message}`).join('; '),
      })
    } else batch.push({ n, line: line.data })
    if (batch.length >= IMPORT_BATCH) await flush()
  }
  await flush()
  return result
}

async function sourceFor(
  store: Db,
  name: string,
  lang: string,
  cache: Map<string, { id: number; country: string }>,
) {
  let s = cache.get(name)
  if (s === undefined) {
    const row = await upsertSource(store.db, {
      name,
      homepage: `import:${name}`,
      country: 'ZZ',
      lang,
      kind: 'other',
    })
    s = { id: row.id, country: row.country }
    cache.set(name, s)
  }
  return s
}

async function importBatch(
  store: Db,
  batch: { n: number; line: ImportLine }[],
  sources: Map<string, { id: number; country: string }>,
  result: ImportResult,
  defaultSource: string,
) {
  const now = new Date().toISOString()
  // a file may repeat an id: the last line wins, as it would on a second import
  const last = new Map<string, BatchArticle>()
  for (const { line } of batch) {
    const s = await sourceFor(store, normalizeText(line.source ?? defaultSource), line.lang ?? 'vi', sources)
    const a = await prepareArticle(line, s.id, now)
    last.delete(a.row.canonical_url)
    last.set(a.row.canonical_url, { a, country: s.country })
  }
  const unique = [...last.values()]
  const out = store.sqlite
    ? writeBatchSqlite(store.sqlite, unique, now)
    : await writeBatchPostgres(store, unique, now)
  // updated articles may carry analysis (tone): re-read them rather than index what the line says
  await indexArticles(store, out.updatedIds)
  result.updated += out.updatedIds.length
  result.imported += out.inserted
}
