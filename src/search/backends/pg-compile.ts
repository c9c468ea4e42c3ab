import { type RawBuilder, sql } from 'kysely'
import type { NearNode, TextNode } from '../query/ast.js'
import { type ColumnPhrase, type IndexColumn, planLeaf } from './text-plan.js'

/** A token as a tsquery lexeme: quoted, so the cast `::tsquery` takes it verbatim (no parser, no dictionary). */
const lexeme = (s: string) => `'${s.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`

function phrase(p: ColumnPhrase): string {
  const parts = p.words.map(lexeme)
  if (p.prefix) parts[parts.length - 1] += ':*'
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

/** The SQL condition for one text leaf on PostgreSQL: tsquery strings go in as bound parameters. */
export function pgLeafCondition(leaf: TextNode | NearNode): RawBuilder<boolean> {
  const plan = planLeaf(leaf)
  const q =
    plan.near === null ? phrase(plan.phrases[0]!) : nearQuery(plan.phrases[0]!, plan.phrases[1]!, plan.near)
  const parts = [match(plan.column, q), ...plan.alsoExact.map((e) => match(e.column, phrase(e.phrase)))]
  return parts.length === 1 ? parts[0]! : sql<boolean>`(${sql.join(parts, sql` AND `)})`
}

/** Relevance of one positive leaf (summed over the query's positive leaves). */
export function pgLeafRank(leaf: TextNode | NearNode): RawBuilder<number> {
  const plan = planLeaf(leaf)
  const q =
    plan.near === null ? phrase(plan.phrases[0]!) : nearQuery(plan.phrases[0]!, plan.phrases[1]!, plan.near)
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
