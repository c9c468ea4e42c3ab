import { type RawBuilder, sql } from 'kysely'
import { WORD_PAIRS_FUNCTION } from '../../db/migrations/0314-search-word-pairs.js'
import type { NearNode, TextNode } from '../query/ast.js'
import { type ColumnPhrase, type IndexColumn, type LeafPlan, planLeaf } from './text-plan.js'

/** A token as a tsquery lexeme: quoted, so the cast `::tsquery` takes it verbatim (no parser, no dictionary). */
const lexeme = (s: string) => `'${s.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`

/** A phrase's words as lexemes, the last one a prefix when asked. */
function lexemes(p: ColumnPhrase): string[] {
  const parts = p.words.map(lexeme)
  if (p.prefix) parts[parts.length - 1] += ':*'
  return parts
}

function phrase(p: ColumnPhrase): string {
  const parts = lexemes(p)
  return parts.length === 1 ? parts[0]! : `(${parts.join(' <-> ')})`
}

/**
 * FTS5 `NEAR(a b, n)`: at most n words between the end of one phrase and the start of the other, in
 * either order. tsquery `A <d> B` means B starts exactly d positions after A ends, so NEAR/n is the
 * OR of d = 1…n+1 in both orders.
 */
function nearQuery(a: ColumnPhrase, b: ColumnPhrase, n: number): string {
  const alts: string[] = []
  for (let d = 1; d <= n + 1; d++)
    alts.push(`${phrase(a)} <${d}> ${phrase(b)}`, `${phrase(b)} <${d}> ${phrase(a)}`)
  return alts.join(' | ')
}

const match = (column: IndexColumn, query: string) =>
  sql<boolean>`(d.${sql.ref(column)} @@ ${query}::tsquery)`

/**
 * A positions check outside the index: `ts_match_vq` is what `@@` calls, but as a function call the
 * planner never makes it an index condition. A phrase or NEAR given to GIN makes every candidate a
 * recheck, and a recheck evaluates all of the index scan's conditions again (every vector they name
 * read, the word pairs computed); as a filter only this check runs, on rows the index found.
 */
const positions = (column: IndexColumn, query: string) =>
  sql<boolean>`ts_match_vq(d.${sql.ref(column)}, ${query}::tsquery)`

/** The words of phrases, all required: what the index can find exactly. */
const allWords = (phrases: readonly ColumnPhrase[]) => phrases.flatMap(lexemes).join(' & ')

/** Each pair of adjacent words of a phrase, as the words index holds them (migration 0314). */
function pairsQuery(p: ColumnPhrase): string {
  const pairs: string[] = []
  for (let i = 0; i + 1 < p.words.length; i++)
    pairs.push(lexeme(`${p.words[i]} ${p.words[i + 1]}`) + (p.prefix && i + 2 === p.words.length ? ':*' : ''))
  return pairs.join(' & ')
}

const pairsMatch = (column: IndexColumn, query: string) =>
  sql<boolean>`(${sql.raw(WORD_PAIRS_FUNCTION)}(d.${sql.ref(column)}) @@ ${query}::tsquery)`

/** The leaf's full query on its column: a phrase with positions, or NEAR's alternatives. */
const leafQuery = (plan: LeafPlan) =>
  plan.near === null ? phrase(plan.phrases[0]!) : nearQuery(plan.phrases[0]!, plan.phrases[1]!, plan.near)

/**
 * A positive leaf's main condition: what the index finds exactly (words; a text phrase's adjacent
 * pairs), then positions where those do not settle it (NEAR, title phrases, phrases of 3+ words).
 */
function indexedMatch(plan: LeafPlan): RawBuilder<boolean>[] {
  const first = plan.phrases[0]!
  if (plan.near === null && first.words.length === 1) return [match(plan.column, phrase(first))]
  const check = positions(plan.column, leafQuery(plan))
  if (plan.near !== null || !plan.column.startsWith('text'))
    return [match(plan.column, allWords(plan.phrases)), check]
  const pairs = pairsMatch(plan.column, pairsQuery(first))
  return first.words.length === 2 ? [pairs] : [pairs, check]
}

/**
 * The SQL condition for one text leaf on PostgreSQL: tsquery strings go in as bound parameters.
 * `negated`: the leaf is under a NOT, where no index serves it: its positions are checked directly
 * (the word pairs would be computed for each row).
 */
export function pgLeafCondition(leaf: TextNode | NearNode, negated = false): RawBuilder<boolean> {
  const plan = planLeaf(leaf)
  const main = negated ? [match(plan.column, leafQuery(plan))] : indexedMatch(plan)
  const parts = [...main, ...plan.alsoExact.map((e) => match(e.column, phrase(e.phrase)))]
  return parts.length === 1 ? parts[0]! : sql<boolean>`(${sql.join(parts, sql` AND `)})`
}

/** Relevance of one positive leaf (summed over the query's positive leaves). */
export function pgLeafRank(leaf: TextNode | NearNode): RawBuilder<number> {
  const plan = planLeaf(leaf)
  const q = leafQuery(plan)
  const weight = plan.column.startsWith('title') ? 4 : 1
  return sql<number>`${weight} * ts_rank(d.${sql.ref(plan.column)}, ${q}::tsquery)`
}

/** Relevance of a query: its positive leaves' ranks summed (0 without any). */
export const pgScore = (leaves: readonly (TextNode | NearNode)[]): RawBuilder<number> =>
  leaves.length === 0 ? sql<number>`0` : sql<number>`(${sql.join(leaves.map(pgLeafRank), sql` + `)})`

/**
 * `select article_id, score` (`pgScore` of `leaves`) of these articles. Each ranked column is read once per row (`|| ''`
 * makes an in-memory copy in a fenced subquery): PostgreSQL fetches and decompresses an out-of-line
 * value again for every function given it, so five words ranked on one column read its vector five times.
 */
export function pgScoreIds(
  leaves: readonly (TextNode | NearNode)[],
  score: RawBuilder<number>,
  ids: readonly number[],
) {
  const columns = [...new Set(leaves.map((l) => planLeaf(l).column))]
  const copies = columns.map((c) => sql`d.${sql.ref(c)} || ''::tsvector as ${sql.ref(c)}`)
  return sql<{ article_id: number; score: number }>`select d.article_id, ${score} as score
    from (select d.article_id${copies.length > 0 ? sql`, ${sql.join(copies)}` : sql``} from search_docs d
      where d.article_id = any(${[...ids]}::int[]) offset 0) d`
}
