import type SqliteDriver from 'better-sqlite3'
import { sql } from 'kysely'
import type { Db } from '../db/database.js'
import { type IndexedDoc, indexDocFrom, writeIndexDocs, writeSqliteDocs } from './index-article.js'
import type { PreparedArticle } from './import-row.js'

/** An article of a batch with its source's country (the index records it). */
export interface BatchArticle {
  a: PreparedArticle
  country: string
}

/** What a batch did: articles inserted, and ids of articles that existed (re-indexed from the database). */
export interface BatchOutcome {
  inserted: number
  updatedIds: number[]
}

/** Columns an import writes, in this order (SQLite named parameters, PostgreSQL unnest arrays). */
const COLUMNS = [
  ['source_id', 'int'],
  ['url', 'text'],
  ['canonical_url', 'text'],
  ['title', 'text'],
  ['published_at', 'text'],
  ['fetched_at', 'text'],
  ['lang', 'text'],
  ['lead', 'text'],
  ['body_text', 'text'],
  ['content_html', 'text'],
  ['word_count', 'int'],
  ['content_hash', 'text'],
  ['simhash', 'text'],
  ['sim_b0', 'int'],
  ['sim_b1', 'int'],
  ['sim_b2', 'int'],
  ['sim_b3', 'int'],
  ['mh_b0', 'int'],
  ['mh_b1', 'int'],
  ['mh_b2', 'int'],
  ['mh_b3', 'int'],
  ['minhash', 'bytea'],
  ['shingles', 'int'],
  ['created_at', 'text'],
] as const
type Column = (typeof COLUMNS)[number][0]
/** Columns a re-import replaces (everything the line determines except the key and creation time). */
const UPDATED = COLUMNS.map(([c]) => c).filter((c) => c !== 'canonical_url' && c !== 'created_at')

const docOf = (u: BatchArticle, id: number, now: string): IndexedDoc =>
  indexDocFrom(
    { id, ...u.a.row, published_at: u.a.row.published_at ?? null, country: u.country, tone: null },
    u.a.titleLower,
    u.a.restLower,
    now,
  )

const sqliteStatements = new WeakMap<SqliteDriver.Database, ReturnType<typeof prepare>>()

function prepare(h: SqliteDriver.Database) {
  const names = COLUMNS.map(([c]) => c)
  return {
    find: h.prepare('select id from articles where canonical_url = ?').pluck(),
    insert: h.prepare(
      `insert into articles (${names.join(', ')}) values (${names.map((c) => `@${c}`).join(', ')})`,
    ),
    update: h.prepare(`update articles set ${UPDATED.map((c) => `${c} = @${c}`).join(', ')} where id = @id`),
  }
}

/**
 * SQLite: the whole batch in one transaction of prepared statements (no query builder per row).
 * New articles are inserted and indexed at once; existing ones are updated and left to the caller.
 */
export function writeBatchSqlite(h: SqliteDriver.Database, batch: readonly BatchArticle[], now: string) {
  let st = sqliteStatements.get(h)
  if (st === undefined) {
    st = prepare(h)
    sqliteStatements.set(h, st)
  }
  const s = st
  return h.transaction((): BatchOutcome => {
    const docs: IndexedDoc[] = []
    const updatedIds: number[] = []
    for (const u of batch) {
      const row = { ...u.a.row, published_at: u.a.row.published_at ?? null }
      const id = s.find.get(row.canonical_url) as number | undefined
      if (id !== undefined) {
        s.update.run({ ...row, id })
        updatedIds.push(id)
      } else {
        docs.push(docOf(u, Number(s.insert.run(row).lastInsertRowid), now))
      }
    }
    writeSqliteDocs(h, docs, false)
    return { inserted: docs.length, updatedIds }
  })()
}

/** PostgreSQL: one upsert of all articles (arrays unnested), then one insert of their index entries. */
export async function writeBatchPostgres(
  store: Db,
  batch: readonly BatchArticle[],
  now: string,
): Promise<BatchOutcome> {
  return store.db.transaction().execute(async (trx) => {
    const keys = batch.map((u) => u.a.row.canonical_url)
    const before = await sql<{
      id: number
    }>`select id from articles where canonical_url = any(${keys}::text[])`
      .execute(trx)
      .then((r) => new Set(r.rows.map((x) => x.id)))
    const arrays = COLUMNS.map(
      ([c, type]) => sql`${batch.map((u) => u.a.row[c as Column] ?? null)}::${sql.raw(type)}[]`,
    )
    const ids = await sql<{
      id: number
      canonical_url: string
    }>`insert into articles (${sql.raw(COLUMNS.map(([c]) => c).join(', '))})
      select * from unnest(${sql.join(arrays)})
      on conflict (canonical_url) do update set ${sql.raw(UPDATED.map((c) => `${c} = excluded.${c}`).join(', '))}
      returning id, canonical_url`.execute(trx)
    const idOf = new Map(ids.rows.map((r) => [r.canonical_url, r.id]))
    const fresh = batch.filter((u) => !before.has(idOf.get(u.a.row.canonical_url)!))
    await writeIndexDocs(
      { ...store, db: trx },
      fresh.map((u) => docOf(u, idOf.get(u.a.row.canonical_url)!, now)),
    )
    return { inserted: fresh.length, updatedIds: [...before] }
  })
}

/**
 * SQLite page cache (KiB) while importing. The articles table has a dozen indexes on random keys
 * (content hash, SimHash/MinHash bands): with the default 2 MB cache, a batch evicts and re-reads
 * index pages and spills them to the WAL before it commits.
 */
const IMPORT_CACHE_KIB = 262_144

/** Runs an import with a larger SQLite page cache, restoring the connection's setting afterwards. */
export async function withImportCache<T>(store: Db, f: () => Promise<T>): Promise<T> {
  const h = store.sqlite
  if (h === undefined) return f()
  const before = h.pragma('cache_size', { simple: true }) as number
  h.pragma(`cache_size = -${IMPORT_CACHE_KIB}`)
  try {
    return await f()
  } finally {
    h.pragma(`cache_size = ${before}`)
  }
}
