import type { Db } from '../db/database.js'
import { indexMemo } from './backends/index-memo.js'
import type { CompiledSearch } from './compile-search.js'
import { estimateMatches, type MatchTotal } from './match-total.js'
import { timedRows } from './timed-query.js'

/**
 * SQLite: how many articles the words of a query match (FTS5 alone, no filter). Counting walks every
 * match (30–60 ms for a word in 45 % of a million articles), and an explorer page asks it up to five
 * times (the total, attention and each facet's choice of sample), the next page once more: a
 * connection remembers the counts of up to 1,024 match expressions while the index is unchanged.
 */
const rememberedCounts = indexMemo<number>(1024)

function sampling(store: Db, c: CompiledSearch) {
  if (!store.sqlite || !c.sampling || !c.textTally)
    throw new Error('textMatchCount needs a SQLite query with words')
  return { h: store.sqlite, s: c.sampling, tally: c.textTally }
}

export async function textMatchCount(store: Db, c: CompiledSearch, timeoutMs?: number): Promise<number> {
  const { h, s } = sampling(store, c)
  const remembered = rememberedCounts(h)
  const known = remembered.get(s.matchKey)
  if (known !== undefined) return known
  const rows = await timedRows(store, s.textCount, timeoutMs)
  const n = Number(rows[0]?.n ?? 0)
  remembered.set(s.matchKey, n)
  return n
}

/**
 * The words' matches, exact when remembered or at most `exactUpTo` (then remembered), else estimated
 * (match-total.ts): deciding between plans needs their order of magnitude, not every match counted.
 */
export async function textMatchEstimate(
  store: Db,
  c: CompiledSearch,
  exactUpTo: number,
  timeoutMs?: number,
): Promise<MatchTotal> {
  const { h, s, tally } = sampling(store, c)
  const remembered = rememberedCounts(h)
  const known = remembered.get(s.matchKey)
  if (known !== undefined) return { n: known, exact: true }
  const total = await estimateMatches(store, tally, exactUpTo, timeoutMs)
  if (total.exact) remembered.set(s.matchKey, total.n)
  return total
}
