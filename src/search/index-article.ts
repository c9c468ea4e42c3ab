import type SqliteDriver from 'better-sqlite3'
import { sql } from 'kysely'
import type { Db } from '../db/database.js'
import { vnDayKey } from '../shared/time.js'
import { normalizeText } from '../text/normalize.js'
import { concatStreams, MAX_INDEX_TOKENS, type TokenStreams, tokenStreamsOfLower } from './index-tokens.js'

/** PostgreSQL keeps at most 256 positions per lexeme in a tsvector; more would be refused. */
const PG_MAX_POSITIONS = 256
/** Articles read and written per transaction when indexing in bulk. */
const INDEX_BATCH = 500

/** What an index entry records besides the words. */
export interface IndexMeta {
  id: number
  source_id: number
  country: string
  lang: string
  published_at: string | null
  fetched_at: string
  tone: number | null
}

export interface IndexSource {
  id: number
  source_id: number
  country: string
  lang: string
  title: string
  lead: string
  body_text: string
  published_at: string | null
  fetched_at: string
  tone: number | null
}

export interface IndexedDoc {
  row: {
    article_id: number
    source_id: number
    country: string
    lang: string
    published_at: string
    day: string
    tone: number | null
    indexed_at: string
  }
  title: TokenStreams
  text: TokenStreams
}

function isoOr(value: string | null, fallback: string): string {
  const d = value ? new Date(value) : null
  return d && !Number.isNaN(d.getTime()) ? d.toISOString() : new Date(fallback).toISOString()
}

/** The form every indexed text is tokenized from (and fingerprinted from, on import). */
export const lowerNormalized = (s: string) => normalizeText(s).toLowerCase()

/** The index entry of one article: filter fields and the tokens of title and title + lead + body. */
export function buildIndexDoc(a: IndexSource, now = new Date().toISOString()): IndexedDoc {
  return indexDocFrom(a, lowerNormalized(a.title), lowerNormalized(`${a.lead}\n${a.body_text}`), now)
}

/**
 * The index entry from texts already in `lowerNormalized` form: the title, and lead + body. The text
 * stream is the title's tokens followed by the rest's, within the same `MAX_INDEX_TOKENS`.
 */
export function indexDocFrom(a: IndexMeta, titleLower: string, restLower: string, now: string): IndexedDoc {
  const published = isoOr(a.published_at, a.fetched_at)
  const title = tokenStreamsOfLower(titleLower)
  return {
    row: {
      article_id: a.id,
      source_id: a.source_id,
      country: a.country.toUpperCase(),
      lang: a.lang.toLowerCase(),
      published_at: published,
      day: vnDayKey(published),
      tone: a.tone,
      indexed_at: now,
    },
    title,
    text: concatStreams(title, tokenStreamsOfLower(restLower, MAX_INDEX_TOKENS - title.count)),
  }
}

/** A tsvector literal with the same positions FTS5 sees (1-based), read verbatim by `::tsvector`. */
export function tsvectorLiteral(stream: string): string {
  if (stream === '') return ''
  const positions = new Map<string, number[]>()
  let pos = 0
  for (const lex of stream.split(' ')) {
    pos++
    const list = positions.get(lex)
    if (list === undefined) positions.set(lex, [pos])
    else if (list.length < PG_MAX_POSITIONS) list.push(pos)
  }
  let out = ''
  for (const [lex, pos] of positions)
    out += `'${lex.replaceAll('\\', '\\\\').replaceAll("'", "''")}':${pos.join(',')} `
  return out
}

async function loadSources(store: Db, ids: readonly number[]): Promise<IndexSource[]> {
  return store.db
    .selectFrom('articles as a')
    .innerJoin('sources as s', 's.id', 'a.source_id')
    .select([
      'a.id',
      'a.source_id',
      's.country',
      'a.lang',
      'a.title',
      'a.lead',
      'a.body_text',
      'a.published_at',
      'a.fetched_at',
      'a.tone',
    ])
    .where('a.id', 'in', [...ids])
    .execute()
}

/**
 * Writes index entries (replacing earlier ones). SQLite: synchronous prepared statements in one
 * transaction. PostgreSQL: one multi-row statement (arrays unnested) per batch.
 */
export async function writeIndexDocs(store: Db, docs: readonly IndexedDoc[]): Promise<void> {
  if (docs.length === 0) return
  if (store.sqlite) {
    store.sqlite.transaction(() => writeSqliteDocs(store.sqlite!, docs, true))()
    return
  }
  // one statement may not update a row twice: the last entry of an article wins
  const last = [...new Map(docs.map((d) => [d.row.article_id, d])).values()]
  const col = <T>(f: (d: IndexedDoc) => T) => last.map(f)
  await sql`insert into search_docs (article_id, source_id, country, lang, published_at, day, tone, indexed_at,
      title_exact, title_folded, text_exact, text_folded)
    select u.a, u.s, u.c, u.l, u.p, u.d, u.t, u.i, u.te::tsvector, u.tf::tsvector, u.xe::tsvector, u.xf::tsvector
    from unnest(${col((d) => d.row.article_id)}::int[], ${col((d) => d.row.source_id)}::int[],
      ${col((d) => d.row.country)}::text[], ${col((d) => d.row.lang)}::text[], ${col((d) => d.row.published_at)}::text[],
      ${col((d) => d.row.day)}::text[], ${col((d) => d.row.tone)}::real[], ${col((d) => d.row.indexed_at)}::text[],
      ${col((d) => tsvectorLiteral(d.title.exact))}::text[], ${col((d) => tsvectorLiteral(d.title.folded))}::text[],
      ${col((d) => tsvectorLiteral(d.text.exact))}::text[], ${col((d) => tsvectorLiteral(d.text.folded))}::text[])
      as u(a, s, c, l, p, d, t, i, te, tf, xe, xf)
    on conflict (article_id) do update set source_id = excluded.source_id, country = excluded.country,
      lang = excluded.lang, published_at = excluded.published_at, day = excluded.day, tone = excluded.tone,
      indexed_at = excluded.indexed_at, title_exact = excluded.title_exact, title_folded = excluded.title_folded,
      text_exact = excluded.text_exact, text_folded = excluded.text_folded`.execute(store.db)
}

/** Statements of one SQLite handle, prepared once (better-sqlite3 statements are reusable). */
const sqliteStatements = new WeakMap<SqliteDriver.Database, ReturnType<typeof prepareSqlite>>()

function prepareSqlite(h: SqliteDriver.Database) {
  return {
    del: h.prepare('delete from search_fts where rowid = ?'),
    fts: h.prepare(
      'insert into search_fts (rowid, title_exact, title_folded, text_exact, text_folded) values (?, ?, ?, ?, ?)',
    ),
    doc: h.prepare(`insert into search_docs (article_id, source_id, country, lang, published_at, day, tone, indexed_at)
      values (@article_id, @source_id, @country, @lang, @published_at, @day, @tone, @indexed_at)
      on conflict (article_id) do update set source_id = excluded.source_id, country = excluded.country,
        lang = excluded.lang, published_at = excluded.published_at, day = excluded.day, tone = excluded.tone,
        indexed_at = excluded.indexed_at`),
    dayOf: h.prepare<[number], string>('select day from search_docs where article_id = ?').pluck(),
    bump: h.prepare(
      'insert into search_day_totals (day, n) values (?, ?) on conflict (day) do update set n = n + excluded.n',
    ),
  }
}

/**
 * Writes index entries on SQLite; the caller holds the transaction. `replace` = false when every
 * article is new (just inserted: it cannot have FTS rows, article ids are never reused).
 */
export function writeSqliteDocs(h: SqliteDriver.Database, docs: readonly IndexedDoc[], replace: boolean) {
  let st = sqliteStatements.get(h)
  if (st === undefined) {
    st = prepareSqlite(h)
    sqliteStatements.set(h, st)
  }
  // per-day totals (migration 0312): counted here and written once per day of the batch
  const perDay = new Map<string, number>()
  const add = (day: string, by: number) => perDay.set(day, (perDay.get(day) ?? 0) + by)
  for (const d of docs) {
    if (replace) {
      const old = st.dayOf.get(d.row.article_id)
      if (old !== undefined) add(old, -1)
    }
    st.doc.run(d.row)
    add(d.row.day, 1)
    if (replace) st.del.run(d.row.article_id)
    st.fts.run(d.row.article_id, d.title.exact, d.title.folded, d.text.exact, d.text.folded)
  }
  for (const [day, n] of perDay) if (n !== 0) st.bump.run(day, n)
}

/**
 * (Re)indexes articles: call after an article is stored or its analysis (tone) changes. Missing ids
 * are ignored. Returns how many were indexed.
 */
export async function indexArticles(store: Db, ids: readonly number[]): Promise<number> {
  let n = 0
  for (let i = 0; i < ids.length; i += INDEX_BATCH) {
    const rows = await loadSources(store, ids.slice(i, i + INDEX_BATCH))
    const now = new Date().toISOString()
    await writeIndexDocs(
      store,
      rows.map((r) => buildIndexDoc(r, now)),
    )
    n += rows.length
  }
  return n
}

export const indexArticle = async (store: Db, articleId: number): Promise<boolean> =>
  (await indexArticles(store, [articleId])) === 1

/** Removes an article from the index (deleting the article does this by itself). */
export async function removeFromIndex(store: Db, articleId: number): Promise<void> {
  await store.db.deleteFrom('search_docs').where('article_id', '=', articleId).execute()
}

/** Indexes every article not indexed yet, oldest first, in batches; for upgrades and repairs. */
export async function indexMissing(store: Db, onProgress?: (done: number) => void): Promise<number> {
  let done = 0
  for (;;) {
    const rows = await store.db
      .selectFrom('articles')
      .select('id')
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('search_docs')
              .select('article_id')
              .whereRef('search_docs.article_id', '=', 'articles.id'),
          ),
        ),
      )
      .orderBy('id')
      .limit(INDEX_BATCH)
      .execute()
    if (rows.length === 0) return done
    done += await indexArticles(
      store,
      rows.map((r) => r.id),
    )
    onProgress?.(done)
  }
}
