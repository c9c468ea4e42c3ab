import { sql } from 'kysely'
import type { Db } from '../db/database.js'
import { AppError } from '../shared/errors.js'
import { expandPrefixes } from './backends/prefix-terms.js'
import { type CompiledSearch, compileSearch } from './compile-search.js'
import { positiveTextLeaves, type QueryNode } from './query/ast.js'
import { parseQuery } from './query/parse-query.js'
import { resolveFields } from './resolve-fields.js'
import { highlightAll, highlightTests, snippet } from './snippets.js'
import { collectedDates, collectedNewest, collectMatches, collectPostgres } from './collected-page.js'
import { type DateRow, datePage, newestIds, relevancePage } from './result-page.js'
import { EXACT_TOTAL_UP_TO, estimateMatches, type MatchTotal } from './match-total.js'
import { textMatchCount, textMatchEstimate } from './text-count.js'
import { timedRows } from './timed-query.js'

/** Largest page: a result list, not an export (exports iterate with `iterateMatches`). */
export const MAX_PAGE_SIZE = 200
/** Deepest offset: paging past this costs the database more than it helps a reader. */
export const MAX_OFFSET = 10_000

export type SearchSort = 'relevance' | 'date'

export interface SearchOptions {
  sort?: SearchSort
  limit?: number
  offset?: number
  /** time limit per statement (ms) */
  timeoutMs?: number
  /** compute snippets and highlighted titles (default true) */
  snippets?: boolean
  /** count every match even when there are very many (default: estimated above `EXACT_TOTAL_UP_TO`) */
  exactTotal?: boolean
}

export interface SearchHit {
  id: number
  title: string
  /** title HTML-escaped with matched words in <mark> */
  titleHtml: string
  url: string
  sourceId: number
  sourceName: string
  country: string
  lang: string
  publishedAt: string
  tone: number | null
  score: number
  /** passage HTML-escaped with matched words in <mark> */
  snippet: string
}

export interface SearchPage {
  /** number of matches: exact when `totalExact`, else estimated (more than `EXACT_TOTAL_UP_TO`) */
  total: number
  totalExact: boolean
  sort: SearchSort
  limit: number
  offset: number
  hits: SearchHit[]
}

export interface PreparedSearch {
  tree: QueryNode
  compiled: CompiledSearch
}

/** Parses (unless given a tree), resolves source/place names, compiles for the store's backend. */
export async function prepareSearch(store: Db, query: string | QueryNode): Promise<PreparedSearch> {
  const tree = typeof query === 'string' ? parseQuery(query) : query
  const resolved = await resolveFields(store, tree)
  const terms = store.sqlite ? expandPrefixes(store.sqlite, tree) : undefined
  const compiled = compileSearch(tree, store.dialect, resolved, terms)
  return { tree, compiled }
}

/** How many articles match. */
export async function countMatches(store: Db, query: string | QueryNode, opts: { timeoutMs?: number } = {}) {
  const { compiled: c } = await prepareSearch(store, query)
  return countOf(store, c, opts.timeoutMs)
}

async function countOf(store: Db, c: CompiledSearch, timeoutMs?: number): Promise<number> {
  // SQLite, words only: the count of the words' matches, remembered while the index is unchanged
  if (c.sampling && !c.filters) return textMatchCount(store, c, timeoutMs)
  const rows = await timedRows(store, c.count, timeoutMs)
  return Number(rows[0]?.n ?? 0)
}

/**
 * The total a result page shows: exact up to `EXACT_TOTAL_UP_TO` matches or when asked, else (SQLite)
 * estimated from a tenth of the archive (match-total.ts; PostgreSQL: collectOrCount).
 */
async function pageTotal(
  store: Db,
  c: CompiledSearch,
  exact: boolean,
  timeoutMs?: number,
): Promise<MatchTotal> {
  if (exact || !c.tally) return { n: await countOf(store, c, timeoutMs), exact: true }
  if (c.sampling && !c.filters) return textMatchEstimate(store, c, EXACT_TOTAL_UP_TO, timeoutMs)
  return estimateMatches(store, c.tally, EXACT_TOTAL_UP_TO, timeoutMs)
}

/**
 * Few matches are read once and the count and pages cut from them (SQLite: words with a filter few
 * pass; PostgreSQL: whenever the sampled estimate is small, see collected-page.ts); else the total.
 */
async function collectOrCount(
  store: Db,
  c: CompiledSearch,
  exact: boolean,
  timeoutMs?: number,
): Promise<{ collected: DateRow[] | null; counted: MatchTotal }> {
  if (store.dialect === 'postgres' && !exact) {
    const got = await collectPostgres(store, c, timeoutMs)
    return got.rows
      ? { collected: got.rows, counted: { n: got.rows.length, exact: true } }
      : { collected: null, counted: got.total }
  }
  const collected = await collectMatches(store, c, timeoutMs)
  if (collected) return { collected, counted: { n: collected.length, exact: true } }
  return { collected: null, counted: await pageTotal(store, c, exact, timeoutMs) }
}

function clampPage(opts: SearchOptions) {
  const limit = Math.max(1, Math.min(MAX_PAGE_SIZE, Math.floor(opts.limit ?? 20)))
  const offset = Math.max(0, Math.floor(opts.offset ?? 0))
  if (offset > MAX_OFFSET)
    throw new AppError('INPUT_INVALID', `Pages stop at result ${MAX_OFFSET}; narrow the query or export`)
  return { limit, offset }
}

/** One page of results, sorted by relevance (when words are searched) or date, with snippets. */
export async function searchArticles(
  store: Db,
  query: string | QueryNode,
  opts: SearchOptions = {},
): Promise<SearchPage> {
  const { tree, compiled: c } = await prepareSearch(store, query)
  const { limit, offset } = clampPage(opts)
  const sort: SearchSort = opts.sort === 'relevance' && c.ranked ? 'relevance' : 'date'
  const { collected, counted } = await collectOrCount(store, c, opts.exactTotal === true, opts.timeoutMs)
  const dates = collected ? collectedDates(collected) : datePage
  const newest = collected ? collectedNewest(collected) : newestIds
  const total = counted.n
  const page = { limit, offset, total, timeoutMs: opts.timeoutMs }
  const ids =
    total === 0
      ? []
      : sort === 'relevance'
        ? await relevancePage(store, c, page, dates, newest)
        : (await dates(store, c, page)).map((r) => ({ article_id: r.article_id, score: 0 }))
  const hits = await loadHits(store, ids, tree, opts.snippets !== false)
  // a short page is the last one: it tells the number of matches exactly
  if (!counted.exact && offset > 0 && ids.length < limit)
    return { total: offset + ids.length, totalExact: true, sort, limit, offset, hits }
  return { total, totalExact: counted.exact, sort, limit, offset, hits }
}

async function loadHits(
  store: Db,
  ids: { article_id: number; score: number }[],
  tree: QueryNode,
  withSnippets: boolean,
) {
  if (ids.length === 0) return []
  const rows = await store.db
    .selectFrom('articles as a')
    .innerJoin('sources as s', 's.id', 'a.source_id')
    .innerJoin('search_docs as d', 'd.article_id', 'a.id')
    .select([
      'a.id',
      'a.title',
      'a.url',
      'a.lead',
      'a.body_text',
      'a.source_id',
      's.name as source_name',
      'd.country',
      'd.lang',
      'd.published_at',
      'd.tone',
    ])
    .where(
      'a.id',
      'in',
      ids.map((r) => r.article_id),
    )
    .execute()
  const byId = new Map(rows.map((r) => [r.id, r]))
  const tests = highlightTests(positiveTextLeaves(tree))
  return ids.flatMap(({ article_id, score }): SearchHit[] => {
    const r = byId.get(article_id)
    if (!r) return []
    return [
      {
        id: r.id,
        title: r.title,
        titleHtml: withSnippets ? highlightAll(r.title, tests) : '',
        url: r.url,
        sourceId: r.source_id,
        sourceName: r.source_name,
        country: r.country,
        lang: r.lang,
        publishedAt: r.published_at,
        tone: r.tone,
        score: Number(score),
        snippet: withSnippets ? snippet(r.lead ? `${r.lead}\n${r.body_text}` : r.body_text, tests) : '',
      },
    ]
  })
}

/**
 * Every matching article id, newest first, in batches (keyset paging: no deep OFFSET). For exports,
 * feeds and "does this new article match" checks over large result sets.
 */
export async function* iterateMatches(
  store: Db,
  query: string | QueryNode,
  opts: { batch?: number; max?: number; timeoutMs?: number } = {},
): AsyncGenerator<number[]> {
  const { compiled: c } = await prepareSearch(store, query)
  const batch = opts.batch ?? 1000
  let left = opts.max ?? Number.POSITIVE_INFINITY
  let after: { at: string; id: number } | null = null
  while (left > 0) {
    const keyset: ReturnType<typeof sql<boolean>> = after
      ? sql<boolean>`(d.published_at < ${after.at} or (d.published_at = ${after.at} and d.article_id < ${after.id}))`
      : sql<boolean>`(1 = 1)`
    const rows: { article_id: number; published_at: string }[] = await timedRows(
      store,
      sql`select d.article_id, d.published_at from ${c.from} where ${c.where} and ${keyset}
        order by d.published_at desc, d.article_id desc limit ${Math.min(batch, left)}`,
      opts.timeoutMs,
    )
    if (rows.length === 0) return
    yield rows.map((r) => r.article_id)
    left -= rows.length
    const last = rows[rows.length - 1]!
    after = { at: last.published_at, id: last.article_id }
  }
}

/** Does this one article match the query? (alerts and watchlists check new articles one by one) */
export async function articleMatches(
  store: Db,
  query: string | QueryNode,
  articleId: number,
): Promise<boolean> {
  const { compiled: c } = await prepareSearch(store, query)
  const rows = await timedRows(
    store,
    sql`select 1 as one from ${c.from} where ${c.where} and d.article_id = ${articleId}`,
  )
  return rows.length > 0
}
