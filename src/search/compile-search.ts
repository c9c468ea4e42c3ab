import { type RawBuilder, sql } from 'kysely'
import type { DialectName } from '../db/dialect.js'
import { ftsExpression, isFtsExpressible } from './backends/fts5-compile.js'
import { pgLeafCondition, pgLeafRank } from './backends/pg-compile.js'
import { fieldCondition } from './field-conditions.js'
import type { NearNode, QueryNode, TextNode } from './query/ast.js'
import type { ResolvedFields } from './resolve-fields.js'

/**
 * A query compiled for one backend, as SQL pieces over the alias `d` (a `search_docs` row):
 * `select … from ${from} where ${where}`, with `score` (higher = more relevant) when words are searched.
 */
export interface CompiledSearch {
  readonly from: RawBuilder<unknown>
  readonly where: RawBuilder<boolean>
  readonly score: RawBuilder<number>
  /** false when the query has no positive words (fields only): relevance is then meaningless */
  readonly ranked: boolean
}

/** bm25 column weights (title_exact, title_folded, text_exact, text_folded): a title hit counts 4×. */
const BM25_WEIGHTS = sql.raw('4.0, 4.0, 1.0, 1.0')

const isTextOnly = (n: QueryNode): boolean =>
  n.kind === 'TextNode' ||
  n.kind === 'NearNode' ||
  (n.kind === 'NotNode' && isTextOnly(n.child)) ||
  ((n.kind === 'AndNode' || n.kind === 'OrNode') && n.children.every(isTextOnly))

const and = (parts: RawBuilder<boolean>[]) =>
  parts.length === 0 ? sql<boolean>`(1 = 1)` : sql<boolean>`(${sql.join(parts, sql` and `)})`

export function compileSearch(
  tree: QueryNode,
  dialect: DialectName,
  resolved: ResolvedFields,
): CompiledSearch {
  return dialect === 'sqlite' ? compileSqlite(tree, resolved) : compilePostgres(tree, resolved)
}

function compileSqlite(tree: QueryNode, resolved: ResolvedFields): CompiledSearch {
  const children = tree.kind === 'AndNode' ? tree.children : [tree]
  const textParts = children.filter(
    (c) => isTextOnly(c) && isFtsExpressible(c.kind === 'NotNode' ? c.child : c),
  )
  const matchable = textParts.some((c) => c.kind !== 'NotNode')
  const rest = matchable ? children.filter((c) => !textParts.includes(c)) : children
  const where = rest.map((c) => sqliteCondition(c, resolved))
  // the deadline check runs once per candidate row (see timed-query.ts)
  where.push(sql<boolean>`hd_deadline(d.article_id)`)
  if (!matchable) return { from: sql`search_docs d`, where: and(where), score: sql<number>`0`, ranked: false }
  const match = ftsExpression(
    textParts.length === 1 ? textParts[0]! : { kind: 'AndNode', children: textParts },
  )
  return {
    from: sql`search_fts join search_docs d on d.article_id = search_fts.rowid`,
    where: and([sql<boolean>`search_fts match ${match}`, ...where]),
    score: sql<number>`(-bm25(search_fts, ${BM25_WEIGHTS}))`,
    ranked: true,
  }
}

function sqliteCondition(node: QueryNode, resolved: ResolvedFields): RawBuilder<boolean> {
  if (node.kind === 'FieldNode') return fieldCondition(node, resolved)
  if (node.kind === 'NotNode') return sql<boolean>`(not ${sqliteCondition(node.child, resolved)})`
  if (isTextOnly(node) && isFtsExpressible(node))
    return sql<boolean>`(d.article_id in (select rowid from search_fts where search_fts match ${ftsExpression(node)}))`
  if (node.kind === 'AndNode') return and(node.children.map((c) => sqliteCondition(c, resolved)))
  if (node.kind === 'OrNode')
    return sql<boolean>`(${sql.join(
      node.children.map((c) => sqliteCondition(c, resolved)),
      sql` or `,
    )})`
  throw new Error(`cannot compile ${node.kind}`)
}

function compilePostgres(tree: QueryNode, resolved: ResolvedFields): CompiledSearch {
  const leaves = rankedLeaves(tree)
  const score =
    leaves.length === 0 ? sql<number>`0` : sql<number>`(${sql.join(leaves.map(pgLeafRank), sql` + `)})`
  return { from: sql`search_docs d`, where: pgCondition(tree, resolved), score, ranked: leaves.length > 0 }
}

function pgCondition(node: QueryNode, resolved: ResolvedFields): RawBuilder<boolean> {
  switch (node.kind) {
    case 'FieldNode':
      return fieldCondition(node, resolved)
    case 'TextNode':
    case 'NearNode':
      return pgLeafCondition(node)
    case 'NotNode':
      return sql<boolean>`(not ${pgCondition(node.child, resolved)})`
    case 'AndNode':
      return and(node.children.map((c) => pgCondition(c, resolved)))
    case 'OrNode':
      return sql<boolean>`(${sql.join(
        node.children.map((c) => pgCondition(c, resolved)),
        sql` or `,
      )})`
  }
}

/** Leaves that add to relevance: every text leaf not under a NOT. */
function rankedLeaves(node: QueryNode, out: (TextNode | NearNode)[] = []): (TextNode | NearNode)[] {
  if (node.kind === 'TextNode' || node.kind === 'NearNode') out.push(node)
  else if (node.kind === 'AndNode' || node.kind === 'OrNode')
    for (const c of node.children) rankedLeaves(c, out)
  return out
}
