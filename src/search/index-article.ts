import { sql } from 'kysely'
import type { Db } from '../db/database.js'
import { vnDayKey } from '../shared/time.js'
import { type IndexToken, indexTokens } from './index-tokens.js'

/** PostgreSQL keeps at most 256 positions per lexeme in a tsvector; more would be refused. */
const PG_MAX_POSITIONS = 256
/** Articles read and written per transaction when indexing in bulk. */
const INDEX_BATCH = 500

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
  title: readonly IndexToken[]
  text: readonly IndexToken[]
}

function isoOr(value: string | null, fallback: string): string {
  const d = value ? new Date(value) : null
  return d && !Number.isNaN(d.getTime()) ? d.toISOString() : new Date(fallback).toISOString()
}

/** The index entry of one article: filter fields and the tokens of title and title + lead + body. */
export function buildIndexDoc(a: IndexSource, now = new Date().toISOString()): IndexedDoc {
  const published = isoOr(a.published_at, a.fetched_at)
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
    title: indexTokens(a.title),
    text: indexTokens(`${a.title}\n${a.lead}\n${a.body_text}`),
  }
}

/** Space-joined tokens: FTS5's unicode61 tokenizer splits them back one for one. */
export const ftsColumn = (tokens: readonly IndexToken[], form: 'exact' | 'folded') =>
  tokens.map((t) => t[form]).join(' ')

/** A tsvector literal with the same positions FTS5 sees (1-based), read verbatim by `::tsvector`. */
export function tsvectorLiteral(tokens: readonly IndexToken[], form: 'exact' | 'folded'): string {
  const positions = new Map<string, number[]>()
  tokens.forEach((t, i) => {
    const list = positions.get(t[form])
    if (list === undefined) positions.set(t[form], [i + 1])
    else if (list.length < PG_MAX_POSITIONS) list.push(i + 1)
  })
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

/** Writes index entries (replacing earlier ones). SQLite: synchronous prepared statements in one transaction. */
export async function writeIndexDocs(store: Db, docs: readonly IndexedDoc[]): Promise<void> {
  if (docs.length === 0) return
  if (store.sqlite) {
    writeSqlite(store, docs)
    return
  }
  await store.db.transaction().execute(async (trx) => {
    for (const d of docs) {
      const r = d.row
      await sql`insert into search_docs (article_id, source_id, country, lang, published_at, day, tone, indexed_at,
          title_exact, title_folded, text_exact, text_folded)
        values (${r.article_id}, ${r.source_id}, ${r.country}, ${r.lang}, ${r.published_at}, ${r.day}, ${r.tone}, ${r.indexed_at},
          ${tsvectorLiteral(d.title, 'exact')}::tsvector, ${tsvectorLiteral(d.title, 'folded')}::tsvector,
          ${tsvectorLiteral(d.text, 'exact')}::tsvector, ${tsvectorLiteral(d.text, 'folded')}::tsvector)
        on conflict (article_id) do update set source_id = excluded.source_id, country = excluded.country,
          lang = excluded.lang, published_at = excluded.published_at, day = excluded.day, tone = excluded.tone,
          indexed_at = excluded.indexed_at, title_exact = excluded.title_exact, title_folded = excluded.title_folded,
          text_exact = excluded.text_exact, text_folded = excluded.text_folded`.execute(trx)
    }
  })
}

function writeSqlite(store: Db, docs: readonly IndexedDoc[]) {
  const h = store.sqlite!
  const del = h.prepare('delete from search_fts where rowid = ?')
  const fts = h.prepare(
    'insert into search_fts (rowid, title_exact, title_folded, text_exact, text_folded) values (?, ?, ?, ?, ?)',
  )
  const doc =
    h.prepare(`insert into search_docs (article_id, source_id, country, lang, published_at, day, tone, indexed_at)
    values (@article_id, @source_id, @country, @lang, @published_at, @day, @tone, @indexed_at)
    on conflict (article_id) do update set source_id = excluded.source_id, country = excluded.country, lang = excluded.lang,
      published_at = excluded.published_at, day = excluded.day, tone = excluded.tone, indexed_at = excluded.indexed_at`)
  h.transaction(() => {
    for (const d of docs) {
      doc.run(d.row)
      del.run(d.row.article_id)
      fts.run(
        d.row.article_id,
        ftsColumn(d.title, 'exact'),
        ftsColumn(d.title, 'folded'),
        ftsColumn(d.text, 'exact'),
        ftsColumn(d.text, 'folded'),
      )
    }
  })()
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
