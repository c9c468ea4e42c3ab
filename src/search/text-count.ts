import type { Db } from '../db/database.js'
import { indexMemo } from './backends/index-memo.js'
import type { CompiledSearch } from './compile-search.js'
import { timedRows } from './timed-query.js'

/**
 * SQLite: how many articles the words of a query match (FTS5 alone, no filter). Counting walks every
 * match (30–60 ms for a word in 45 % of a million articles), and an explorer page asks it up to five
 * times (the total, attention and each facet's choice of sample), the next page once more: a
 * connection remembers the counts of up to 1,024 match expressions while the index is unchanged.
 */
const rememberedCounts = indexMemo<number>(1024)

export async function textMatchCount(store: Db, c: CompiledSearch, timeoutMs?: number): Promise<number> {
  if (!store.sqlite || !c.sampling) throw new Error('textMatchCount needs a SQLite query with words')
  const remembered = rememberedCounts(store.sqlite)
  const known = remembered.get(c.sampling.matchKey)
  if (known !== undefined) return known
  const rows = await timedRows(store, c.sampling.textCount, timeoutMs)
  const n = Number(rows[0]?.n ?? 0)
  remembered.set(c.sampling.matchKey, n)
  return n
}
