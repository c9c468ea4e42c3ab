import type SqliteDriver from 'better-sqlite3'
import type { QueryNode } from '../query/ast.js'
import { sql } from 'kysely'
import type { Db } from '../../db/database.js'
import { windowShare } from '../match-total.js'
import { ftsExpression } from './fts5-compile.js'
import { indexMemo } from './index-memo.js'
import type { PrefixTerms } from './prefix-terms.js'

/**
 * SQLite: the FTS5 expression bm25 scores a ranking window with. bm25 computes each phrase's IDF
 * by walking the phrase's whole list, once per statement: a word in most articles (`da`, folded
 * `đã`, in 67 % of a million) costs 40 ms to walk, yet FTS5 gives a phrase in more than half of the
 * rows an IDF of 1e-6, so it adds nothing to a score. The window's articles all match the query, so
 * every part of its top-level AND matches each of them, and scoring with fewer of those parts gives
 * the others the same instances; the expression leaves out of that AND:
 * - its NOT parts (their phrases are absent from every match: they only cost their walk),
 * - its single words in more than `COMMON_SHARE` of the articles, while another part stays.
 * Inside an OR nothing is left out: FTS5 counts a phrase's instances only where its branch matches,
 * so dropping `ngày` from `(ngày mưa) OR bão` would count `mưa` in articles matched by `bão` alone.
 * Same scores to about 1e-6 (`bien dong`: `dong` is in 58 % of a million articles).
 */
const COMMON_SHARE = 0.55

/** A word's share of the articles, estimated from the id windows, remembered while the index is unchanged. */
const rememberedShares = indexMemo<number>(4096)

async function shareOf(store: Db, h: SqliteDriver.Database, expression: string): Promise<number> {
  const memo = rememberedShares(h)
  const known = memo.get(expression)
  if (known !== undefined) return known
  const { share } = await windowShare(store, {
    from: sql`search_fts`,
    where: sql<boolean>`search_fts match ${expression}`,
    id: sql<number>`search_fts.rowid`,
  })
  memo.set(expression, share)
  return share
}

const isWord = (n: QueryNode) => n.kind === 'TextNode' && n.words.length === 1 && !n.prefix

async function pruned(
  store: Db,
  h: SqliteDriver.Database,
  n: QueryNode,
  terms: PrefixTerms,
): Promise<QueryNode> {
  if (n.kind !== 'AndNode') return n
  const positive = n.children.filter((c) => c.kind !== 'NotNode')
  const rare: QueryNode[] = []
  for (const c of positive)
    if (!isWord(c) || (await shareOf(store, h, ftsExpression(c, terms))) <= COMMON_SHARE) rare.push(c)
  const kept = rare.length > 0 ? rare : positive
  return kept.length === 1 ? kept[0]! : { ...n, children: kept }
}

/** The expression to score a window of `tree`'s matches with (the match expression when nothing is left out). */
export async function scoringExpression(store: Db, tree: QueryNode, terms: PrefixTerms): Promise<string> {
  if (!store.sqlite) throw new Error('scoringExpression is SQLite only')
  return ftsExpression(await pruned(store, store.sqlite, tree, terms), terms)
}
