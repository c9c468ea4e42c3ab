import { type RawBuilder, sql } from 'kysely'
import type { Db } from '../db/database.js'
import { vnDayKey } from '../shared/time.js'
import type { CompiledSearch } from './compile-search.js'
import { pgPublishedSince } from './field-conditions.js'
import type { DateRow, PageSpec } from './result-page.js'
import { timedRows } from './timed-query.js'

/**
 * PostgreSQL, words: a page of the newest matches (by date, or the most recently stored by id) is
 * looked for in the newest 2 %, then 10 %, then 30 % of the archive before all of it. Each match the
 * GIN index finds is checked again against its row's out-of-line vector (positions for phrases), so
 * collecting every match of a common phrase costs a detoasted vector per match; the range narrows
 * the candidates inside the index scan before that check (ids and days are in the words index,
 * migration 0313; a part of the dates is whole days). A part holding a whole page holds the page:
 * every match newer than the part's start is in it.
 */
const SHARES = [0.02, 0.1, 0.3] as const
/**
 * A part is tried only when it probably holds this many times the rows needed (matches spread like
 * the archive): with fewer matches than that, each part read in vain costs about one more full read.
 */
const MARGIN = 1.25

/** The shares worth trying for `need` rows of about `total` matches (none: read all at once). */
const sharesFor = (need: number, total: number) => SHARES.filter((s) => s * total >= MARGIN * need)

async function bounds(store: Db, timeoutMs?: number) {
  const r = await timedRows<{ lo: string | null; hi: string | null; top: number | null }>(
    store,
    sql`select (select min(published_at) from search_docs) as lo, (select max(published_at) from search_docs) as hi,
      (select max(article_id) from search_docs) as top`,
    timeoutMs,
  )
  return r[0] ?? { lo: null, hi: null, top: null }
}

/** The rows of the first part's condition that holds `need` of them, else of `all`. */
async function firstFull<R>(
  need: number,
  parts: RawBuilder<boolean>[],
  all: RawBuilder<boolean>,
  read: (where: RawBuilder<boolean>) => Promise<R[]>,
) {
  for (const part of parts) {
    const rows = await read(part)
    if (rows.length >= need) return rows
  }
  return read(all)
}

/** Matches by date, rows [offset, offset + limit), newest part of the archive first. */
export async function recentDatePage(store: Db, c: CompiledSearch, p: PageSpec): Promise<DateRow[]> {
  const need = p.offset + p.limit
  const b = await bounds(store, p.timeoutMs)
  const range = c.dateRange
  const lo = Math.max(Date.parse(b.lo ?? ''), Date.parse(range?.from ?? '') || 0)
  const archiveHi = Date.parse(b.hi ?? '')
  const hi = range?.to ? Math.min(archiveHi, Date.parse(range.to)) : archiveHi
  // the newest part of the archive: whole days, a key of the words index; below a `date:` range's
  // end, seconds through their B-tree (a day range closed at both ends is slow in the words index);
  // the planner keeps the stricter of this bound and the range's own (field-conditions.ts)
  const since = (t: number) =>
    hi < archiveHi
      ? sql<boolean>`${c.where} and ${pgPublishedSince(new Date(t).toISOString())}`
      : sql<boolean>`${c.where} and d.day >= ${vnDayKey(t)}`
  const parts =
    Number.isNaN(lo) || Number.isNaN(hi) || hi < lo
      ? []
      : sharesFor(need, p.total).map((s) => since(hi - (hi - lo) * s))
  const rows = await firstFull(need, parts, c.where, (where) =>
    timedRows<DateRow>(
      store,
      sql`with m as materialized (select d.article_id, d.published_at from ${c.from} where ${where})
        select article_id, published_at from m order by published_at desc, article_id desc limit ${need}`,
      p.timeoutMs,
      { bitmapOnly: true },
    ),
  )
  return rows.slice(p.offset, need)
}

/** The `n` most recently stored matches (highest ids first), newest part of the archive first. */
export async function recentIds(
  store: Db,
  c: CompiledSearch,
  n: number,
  timeoutMs?: number,
  total = Number.POSITIVE_INFINITY,
): Promise<number[]> {
  const top = Number((await bounds(store, timeoutMs)).top ?? 0)
  const parts = sharesFor(n, total).map(
    (s) => sql<boolean>`${c.where} and d.article_id > ${Math.floor(top * (1 - s))}`,
  )
  const rows = await firstFull(n, parts, c.where, (where) =>
    timedRows<{ article_id: number }>(
      store,
      sql`with m as materialized (select d.article_id from ${c.from} where ${where})
        select article_id from m order by article_id desc limit ${n}`,
      timeoutMs,
      { bitmapOnly: true },
    ),
  )
  return rows.map((r) => Number(r.article_id))
}
