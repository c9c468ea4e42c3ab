import { sql } from 'kysely'
import type { Db } from '../db/database.js'
import type { CompiledSearch } from './compile-search.js'
import { scoringExpression } from './backends/scoring-expression.js'
import { recentDatePage, recentIds } from './recent-first.js'
import { timedRows } from './timed-query.js'

/**
 * Relevance ranks the this-many most recently stored matches (highest ids: articles are stored as
 * they arrive); the other matches follow newest first. Ranking reads every ranked article's word
 * positions (bm25 / ts_rank), so ranking all 200,000 matches of a common word in a million articles
 * would take seconds; a bounded window keeps a page under 100 ms and favours recent news, which is
 * what monitoring wants. By id rather than by date: FTS5 reads the window straight off the end of
 * each word's list, where the newest by date had to be found first (a date walk) and then scored by
 * walking every match between the lowest and highest of their ids. Both backends rank the same window.
 */
export const RANK_WINDOW = 1000
/**
 * SQLite: walking the date index costs about this many times less per visited row than fetching
 * and sorting one match, so the walk pays when (rows to skip and show) × (articles / matches) is
 * below this many times the matches.
 */
const WALK_ADVANTAGE = 4
/**
 * SQLite: looking one visited row up in FTS5 (the probe walk) costs about this many times as much
 * as collecting one match for the set the plain walk tests rows against: at a million articles
 * about 15 µs against 0.15–0.3 µs (measured: the newest 1,000 matches of a word in 45 % of the
 * archive, probe 17 ms / walk 66 ms; of a word in 14 %, probe 104 ms / walk 40 ms). The probe walk
 * is chosen when the rows it visits, times this, stay below the matches the plain walk collects.
 */
const PROBE_COST = 60

export interface PageSpec {
  limit: number
  offset: number
  /** number of matches (already counted) */
  total: number
  timeoutMs?: number | undefined
  /** matches ranked by relevance (default `RANK_WINDOW`) */
  window?: number
  /** SQLite: read the date order this way whatever the estimate says (tests) */
  plan?: DatePlan
}

export interface DateRow {
  article_id: number
  published_at: string
}

export interface ScoredId {
  article_id: number
  score: number
}

/** Indexed articles, roughly (ids are dense): only steers the choice of plan. */
async function indexedEstimate(store: Db): Promise<number> {
  const r = await sql<{ n: number | null }>`select max(article_id) as n from search_docs`.execute(store.db)
  return Number(r.rows[0]?.n ?? 0)
}

export type DatePlan = 'probe' | 'walk' | 'sort'

/** How a date-ordered page of `p.total` matches among about `docs` indexed articles is read (SQLite). */
export function datePlan(c: CompiledSearch, p: PageSpec, docs: number): DatePlan {
  if (!c.walk || p.total <= 0) return 'sort'
  const visited = (p.offset + p.limit) * (docs / p.total)
  if (c.probe && visited * PROBE_COST < p.total) return 'probe'
  return visited < WALK_ADVANTAGE * p.total ? 'walk' : 'sort'
}

/**
 * Matches newest first, rows [offset, offset + limit). On SQLite a common word is paged by walking
 * the date index backwards, which stops after the page: a very common one looks each visited row up
 * in FTS5, a less common one first collects its matches as a set and tests rows against it; a rare
 * one is paged by fetching its matches and sorting them. PostgreSQL collects the matches through the
 * GIN index (left to itself, the planner walks the date index and tests each row's out-of-line
 * vector, slow unless nearly all match), in the newest part of the archive first (recent-first.ts).
 */
export async function datePage(store: Db, c: CompiledSearch, p: PageSpec): Promise<DateRow[]> {
  if (store.dialect === 'postgres' && c.ranked) return recentDatePage(store, c, p)
  const plan = c.walk && p.total > 0 ? (p.plan ?? datePlan(c, p, await indexedEstimate(store))) : 'sort'
  const { from, where } = plan === 'sort' ? c : (c[plan] ?? c)
  const page = sql`limit ${p.limit} offset ${p.offset}`
  return timedRows(
    store,
    sql<DateRow>`select d.article_id, d.published_at from ${from} where ${where}
      order by d.published_at desc, d.article_id desc ${page}`,
    p.timeoutMs,
  )
}

/** The `n` most recently stored matches (highest ids first). */
export async function newestIds(store: Db, c: CompiledSearch, n: number, timeoutMs?: number, total?: number) {
  if (store.dialect === 'postgres' && c.ranked) return recentIds(store, c, n, timeoutMs, total)
  const rows = await timedRows(store, c.newest(n), timeoutMs)
  return rows.map((r) => Number(r.article_id))
}

/**
 * Matches by relevance, rows [offset, offset + limit): the `RANK_WINDOW` most recently stored
 * matches ranked (score, then id, descending), then the other matches newest first.
 */
export async function relevancePage(
  store: Db,
  c: CompiledSearch,
  p: PageSpec,
  dates: typeof datePage = datePage,
  newest: typeof newestIds = newestIds,
): Promise<ScoredId[]> {
  const out: ScoredId[] = []
  const end = p.offset + p.limit
  const size = Math.min(p.window ?? RANK_WINDOW, p.total)
  const window = await newest(store, c, size, p.timeoutMs, p.total)
  if (p.offset < size) {
    const scoring =
      store.sqlite && c.text ? await scoringExpression(store, c.text.tree, c.text.terms) : undefined
    const scores = await timedRows<ScoredId>(store, c.scoreIds(window, scoring), p.timeoutMs)
    const ranked = scores
      .map((s) => ({ article_id: Number(s.article_id), score: Number(s.score) }))
      .sort((a, b) => b.score - a.score || b.article_id - a.article_id)
    out.push(...ranked.slice(p.offset, Math.min(end, size)))
  }
  if (end > size && p.total > size) {
    // the window's articles may sit anywhere in date order: the first `end` by date hold every
    // other match up to this page (at most `size` of them are skipped)
    const ranked = new Set(window)
    const byDate = await dates(store, c, { ...p, offset: 0, limit: end })
    const rest = byDate.filter((r) => !ranked.has(r.article_id))
    out.push(
      ...rest
        .slice(Math.max(p.offset, size) - size, end - size)
        .map((r) => ({ article_id: r.article_id, score: 0 })),
    )
  }
  return out
}
