import { sql } from 'kysely'
import type { Db } from '../db/database.js'
import type { CompiledSearch } from './compile-search.js'
import type { DateRow, PageSpec } from './result-page.js'
import { type MatchTotal, sampledEstimate } from './match-total.js'
import { textMatchEstimate } from './text-count.js'
import { timedRows } from './timed-query.js'

/**
 * SQLite, words with a filter (`date:2020-03 kinh tế`): most of the cost is joining each match of
 * the words to its `search_docs` row to test the filter, and the count, the date page and the
 * relevance window would each do it again. When few matches pass (at most `COLLECT_MAX`), they
 * are read once, newest first, and the count and pages are cut from that list.
 */
export const COLLECT_MAX = 10_000
/**
 * A `date:` range holding fewer than this many articles per match of the words is read through the
 * date index instead, each article tested against the set of the words' matches (0.2–0.3 µs a row
 * for the range, 0.2 µs a match for the set) rather than each match joined to its row (about
 * 1.5 µs): at a million articles `date:2020-03 kinh tế` collects in 35 instead of 126 ms CPU.
 */
const DATE_DRIVE = 4

interface Passing {
  /** matches that probably pass the filters */
  n: number
  /** read them through the date index (see `DATE_DRIVE`) */
  byDate: boolean
}

/** Matches of the words alone, and how many of them the date filter's share of the archive leaves. */
async function passingEstimate(store: Db, c: CompiledSearch, timeoutMs?: number): Promise<Passing> {
  const { n } = await textMatchEstimate(store, c, COLLECT_MAX, timeoutMs)
  const range = c.filters?.dateRange
  if (n <= COLLECT_MAX || !range) return { n, byDate: false }
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
  const inRange = Number(r[0]?.inRange ?? 0)
  return { n: all === 0 ? n : (n * inRange) / all, byDate: c.walk !== undefined && inRange < DATE_DRIVE * n }
}

/** The filtered matches newest first, or null when there are (probably) more than `COLLECT_MAX`. */
export async function collectMatches(
  store: Db,
  c: CompiledSearch,
  timeoutMs?: number,
): Promise<DateRow[] | null> {
  if (store.dialect !== 'sqlite' || !c.filters || !c.sampling) return null
  const passing = await passingEstimate(store, c, timeoutMs)
  if (passing.n > COLLECT_MAX) return null
  return readCollected(store, c, passing.byDate, timeoutMs)
}

/** The matches collected once, or (none collected) their number as a result page shows it. */
export type Collected = { rows: DateRow[]; total?: never } | { rows: null; total: MatchTotal }

/**
 * PostgreSQL: every phrase or NEAR match is checked against its row's out-of-line vector, so counting
 * the matches and then reading the newest of them would check each twice. When the sampled estimate
 * says few match (at most `COLLECT_MAX`), they are read once and the count and pages are cut from
 * that list (`"Biển Đông"`, 2,300 matches of 8,400 candidates at a million articles); otherwise the
 * estimate is the total.
 */
export async function collectPostgres(store: Db, c: CompiledSearch, timeoutMs?: number): Promise<Collected> {
  if (!c.tally) throw new Error('a PostgreSQL search always has a tally')
  const estimate = await sampledEstimate(store, c.tally, timeoutMs)
  if (estimate <= COLLECT_MAX) {
    const rows = await readCollected(store, c, false, timeoutMs)
    if (rows) return { rows }
  }
  return { rows: null, total: { n: Math.max(estimate, COLLECT_MAX + 1), exact: false } }
}

/**
 * The filtered matches newest first (null past `COLLECT_MAX`): driven by the words' matches, or
 * `byDate`, by the date index with each article tested against the set of the words' matches.
 */
export async function readCollected(
  store: Db,
  c: CompiledSearch,
  byDate: boolean,
  timeoutMs?: number,
): Promise<DateRow[] | null> {
  const { from, where } = byDate && c.walk ? c.walk : c
  const rows = await timedRows<DateRow>(
    store,
    sql`select d.article_id, d.published_at from ${from} where ${where} limit ${COLLECT_MAX + 1}`,
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
