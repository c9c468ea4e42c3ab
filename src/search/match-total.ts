import { type RawBuilder, sql } from 'kysely'
import type { Db } from '../db/database.js'
import { SAMPLE_MODULUS } from '../db/migrations/0313-search-ranges-in-words-index.js'
import { timedRows } from './timed-query.js'

/**
 * Result pages show the exact number of matches up to this many; above it, an estimate (shown
 * "≈"), as large search engines do. Counting every match of a common word walks its whole list
 * (at a million articles 20–100 ms, a join per match when a filter applies), which was most of a
 * result page's time; the reader can still ask for the exact count, and `--count` is always exact.
 */
export const EXACT_TOTAL_UP_TO = 10_000
/** The estimate counts the matches in this many id windows spread evenly over the archive… */
const WINDOWS = 16
/** …covering together this share of it. */
const SAMPLED_SHARE = 0.1

export interface MatchTotal {
  n: number
  exact: boolean
}

/** Where matches are counted: `select … from ${from} where ${where}`, `id` the article id there. */
export interface Tally {
  readonly from: RawBuilder<unknown>
  readonly where: RawBuilder<boolean>
  /** the article id column; on SQLite a bound on it is given as an integer literal (see compile-search.ts) */
  readonly id: RawBuilder<number>
}

/** PostgreSQL: the key of the sample (any would do). */
const SAMPLE_REMAINDER = 7

/** Evenly spread id windows [lo, hi] covering about `share` of ids 1…maxId. */
export function idWindows(maxId: number, share = SAMPLED_SHARE): [number, number][] {
  const width = Math.max(1, Math.floor((maxId * share) / WINDOWS))
  return Array.from({ length: WINDOWS }, (_, i) => {
    const lo = Math.max(1, Math.floor(((i + 0.5) * maxId) / WINDOWS - width / 2) + 1)
    return [lo, lo + width - 1] as [number, number]
  })
}

/**
 * SQLite: the number of matches, exact up to `exactUpTo` (a count that stops after one more), else
 * estimated from the matches in `idWindows` (article ids are dense and given in storage order), each
 * window its own count so the full-text index seeks to it. Never below `exactUpTo + 1`.
 */
export async function estimateMatches(
  store: Db,
  t: Tally,
  exactUpTo: number,
  timeoutMs?: number,
): Promise<MatchTotal> {
  if (store.dialect === 'postgres') return estimatePostgres(store, t, exactUpTo, timeoutMs)
  const bounded = await timedRows<{ n: number }>(
    store,
    sql`select count(*) as n from (select 1 from ${t.from} where ${t.where} limit ${sql.lit(exactUpTo + 1)})`,
    timeoutMs,
  )
  const n = Number(bounded[0]?.n ?? 0)
  if (n <= exactUpTo) return { n, exact: true }
  const { share, maxId } = await windowShare(store, t, timeoutMs)
  return { n: Math.max(exactUpTo + 1, Math.round(share * maxId)), exact: false }
}

/**
 * SQLite: the share of article ids 1…maxId that match, counted in `idWindows` (each window its own
 * count, its bounds integer literals, so the full-text index seeks to it).
 */
export async function windowShare(
  store: Db,
  t: Tally,
  timeoutMs?: number,
): Promise<{ share: number; maxId: number }> {
  const maxId = await maxArticleId(store, timeoutMs)
  const windows = idWindows(maxId)
  const counts = windows.map(
    ([lo, hi]) =>
      sql`(select count(*) from ${t.from} where ${t.where} and ${t.id} >= ${sql.lit(lo)} and ${t.id} <= ${sql.lit(hi)})`,
  )
  const sampled = await timedRows<{ n: number }>(
    store,
    sql`select ${sql.join(counts, sql` + `)} as n`,
    timeoutMs,
  )
  const covered = windows.reduce((s, [lo, hi]) => s + hi - lo + 1, 0)
  return { share: covered === 0 ? 0 : Number(sampled[0]?.n ?? 0) / covered, maxId }
}

const maxArticleId = async (store: Db, timeoutMs?: number) =>
  Number(
    (
      await timedRows<{ n: number | null }>(
        store,
        sql`select max(article_id) as n from search_docs`,
        timeoutMs,
      )
    )[0]?.n ?? 0,
  )

/**
 * PostgreSQL: the matches among one id in `SAMPLE_MODULUS` first (a key of the words index, migration
 * 0313: the sample is intersected with the words inside the index scan, and only sampled matches are
 * read and rechecked, which is most of the cost of a phrase); an estimate at most `exactUpTo` is
 * replaced by the exact count, cheap for so few matches.
 */
async function estimatePostgres(
  store: Db,
  t: Tally,
  exactUpTo: number,
  timeoutMs?: number,
): Promise<MatchTotal> {
  const estimate = await sampledEstimate(store, t, timeoutMs)
  if (estimate > exactUpTo) return { n: estimate, exact: false }
  const all = await timedRows<{ n: number | string }>(
    store,
    sql`select count(*) as n from ${t.from} where ${t.where}`,
    timeoutMs,
  )
  return { n: Number(all[0]?.n ?? 0), exact: true }
}

/** PostgreSQL: the number of matches estimated from one id in `SAMPLE_MODULUS` (see above). */
export async function sampledEstimate(store: Db, t: Tally, timeoutMs?: number): Promise<number> {
  const sampled = await timedRows<{ n: number | string }>(
    store,
    sql`select count(*) as n from ${t.from} where ${t.where}
      and (hashint4(${t.id}) & ${sql.lit(SAMPLE_MODULUS - 1)}) = ${sql.lit(SAMPLE_REMAINDER)}`,
    timeoutMs,
  )
  return Number(sampled[0]?.n ?? 0) * SAMPLE_MODULUS
}
