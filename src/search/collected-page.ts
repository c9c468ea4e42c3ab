import { sql } from 'kysely'
import type { Db } from '../db/database.js'
import type { CompiledSearch } from './compile-search.js'
import type { DateRow, PageSpec } from './result-page.js'
import { textMatchCount } from './text-count.js'
import { timedRows } from './timed-query.js'

/**
 * SQLite, words with a filter (`date:2020-03 kinh tế`): most of the cost is joining each match of
 * the words to its `search_docs` row to test the filter, and the count, the date page and the
 * relevance window would each do it again. When few matches pass (at most `COLLECT_MAX`), they
 * are read once, newest first, and the count and pages are cut from that list.
 */
export const COLLECT_MAX = 20_000

/** Matches of the words alone, and how many of them the date filter's share of the archive leaves. */
async function passingEstimate(store: Db, c: CompiledSearch, timeoutMs?: number): Promise<number> {
  const n = await textMatchCount(store, c, timeoutMs)
  const range = c.filters?.dateRange
  if (n <= COLLECT_MAX || !range) return n
  const r = await timedRows<{ inRange: number; all: number | null }>(
    store,
    sql`select (select count(*) from search_docs d where ${sql.join(
      [
        sql`1 = 1`,
        ...(range.from === null ? [] : [sql`d.published_at >= ${range.from}`]),
        ...(range.to === null ? [] : [sql`d.published_at < ${range.to}`]),
      ],
      sql` and `,
    )}) as "inRange", (select max(article_id) from search_docs) as "all"`,
    timeoutMs,
  )
  const all = Number(r[0]?.all ?? 0)
  return all === 0 ? n : (n * Number(r[0]?.inRange ?? 0)) / all
}

/** The filtered matches newest first, or null when there are (probably) more than `COLLECT_MAX`. */
export async function collectMatches(
  store: Db,
  c: CompiledSearch,
  timeoutMs?: number,
): Promise<DateRow[] | null> {
  if (store.dialect !== 'sqlite' || !c.filters || !c.sampling) return null
  if ((await passingEstimate(store, c, timeoutMs)) > COLLECT_MAX) return null
  const rows = await timedRows<DateRow>(
    store,
    sql`select d.article_id, d.published_at from ${c.from} where ${c.where} limit ${COLLECT_MAX + 1}`,
    timeoutMs,
  )
  if (rows.length > COLLECT_MAX) return null
  return rows.sort((a, b) =>
    a.published_at === b.published_at
      ? b.article_id - a.article_id
      : a.published_at < b.published_at
        ? 1
        : -1,
  )
}

/** `datePage` over a collected list. */
export const collectedDates =
  (rows: readonly DateRow[]) =>
  async (_store: Db, _c: CompiledSearch, p: PageSpec): Promise<DateRow[]> =>
    rows.slice(p.offset, p.offset + p.limit)

/** `newestIds` over a collected list. */
export const collectedNewest =
  (rows: readonly DateRow[]) =>
  async (_store: Db, _c: CompiledSearch, n: number): Promise<number[]> =>
    rows
      .map((r) => r.article_id)
      .sort((a, b) => b - a)
      .slice(0, n)
