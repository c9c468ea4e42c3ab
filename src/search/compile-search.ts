import { type RawBuilder, sql } from 'kysely'
import type { DialectName } from '../db/dialect.js'
import { ftsExpression, isFtsExpressible } from './backends/fts5-compile.js'
import type { PrefixTerms } from './backends/prefix-terms.js'
import { pgLeafCondition, pgScore, pgScoreIds } from './backends/pg-compile.js'
import { fieldCondition, pgDateCondition } from './field-conditions.js'
import type { NearNode, QueryNode, TextNode } from './query/ast.js'
import type { Tally } from './match-total.js'
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
  /** `select count(*) …` of the matches (SQLite: FTS5 alone when the query is words only) */
  readonly count: RawBuilder<{ n: number | string }>
  /**
   * `select article_id, score` for these matching articles (a ranking window); SQLite may be given
   * another FTS5 expression that every one of them matches to score with (scoring-expression.ts)
   */
  scoreIds(ids: readonly number[], match?: string): RawBuilder<{ article_id: number; score: number }>
  /** SQLite with words: the words' part of the tree and the prefixes' words, as the expression was built */
  readonly text?: { readonly tree: QueryNode; readonly terms: PrefixTerms }
  /** `select article_id` of the `n` most recently stored matches (highest ids), highest first */
  newest(n: number): RawBuilder<{ article_id: number }>
  /**
   * SQLite with words: the same matches driven from `search_docs` (the FTS5 matches become an
   * `article_id in (…)` set, `+` keeps it from driving the loop), so a date-ordered page can walk
   * the date index and stop early.
   */
  readonly walk?: { readonly from: RawBuilder<unknown>; readonly where: RawBuilder<boolean> }
  /**
   * SQLite with words and no prefix: the same walk, but each visited row is looked up in FTS5 by its
   * id (`rowid = d.article_id`) instead of collecting every match first. A lookup costs a few
   * microseconds, collecting about one per match, so this wins when a page needs few rows of the
   * walk: a very common word. An FTS5 prefix query (one not expanded to its words, see
   * prefix-terms.ts) would merge all its words' lists at every lookup: no probe.
   */
  readonly probe?: { readonly from: RawBuilder<unknown>; readonly where: RawBuilder<boolean> }
  /**
   * SQLite with words: `select count(*)` of the words' matches alone (FTS5 only, no filter), an upper
   * bound of the rows `from … where` visits; and a condition keeping every k-th of them by id, tested
   * before the row is joined (facets may count such a sample of a huge match set, see facets.ts).
   */
  readonly sampling?: {
    readonly textCount: RawBuilder<{ n: number | string }>
    /** the FTS5 match expression: what `textCount` counts (a key to remember it by) */
    readonly matchKey: string
    every(k: number): RawBuilder<boolean>
  }
  /**
   * SQLite with words and filters (fields, negated non-text parts): the filters, and the first
   * `date:` range among them, which estimate how many matches pass (see collected-page.ts).
   */
  readonly filters?: { readonly dateRange: { from: string | null; to: string | null } | null }
  /** PostgreSQL: a `date:` range every match is in (one AND-ed with the rest of the query) */
  readonly dateRange?: { readonly from: string | null; readonly to: string | null }
  /** where the matches are counted most cheaply, for estimating their number (match-total.ts) */
  readonly tally?: Tally
  /** SQLite with words: the same for the words alone, without the filters */
  readonly textTally?: Tally
}

/** bm25 column weights (title_exact, title_folded, text_exact, text_folded): a title hit counts 4×. */
const BM25_WEIGHTS = sql.raw('4.0, 4.0, 1.0, 1.0')
/** One candidate row in this many (by id) calls the SQLite deadline check. */
const DEADLINE_SAMPLE = 32

const isTextOnly = (n: QueryNode): boolean =>
  n.kind === 'TextNode' ||
  n.kind === 'NearNode' ||
  (n.kind === 'NotNode' && isTextOnly(n.child)) ||
  ((n.kind === 'AndNode' || n.kind === 'OrNode') && n.children.every(isTextOnly))

/**
 * An article id as an SQL integer literal. FTS5 takes a `rowid >=` / `<=` bound only when its value is
 * an INTEGER; better-sqlite3 binds every JS number as a REAL, so a bound parameter is ignored and the
 * whole match list is walked (at a million articles 15–30 ms instead of 1–2 ms for a ranking window).
 */
const rowidLit = (id: number) => sql.lit(Math.trunc(id))

/** An id list for `in (…)`: never empty (no id is negative). */
const idList = (ids: readonly number[]) => (ids.length === 0 ? sql`-1` : sql.join(ids.map((i) => sql`${i}`)))

const unscored = (ids: readonly number[]) =>
  sql<{ article_id: number; score: number }>`select d.article_id, 0 as score from search_docs d
    where d.article_id in (${idList(ids)})`

/**
 * The time-limit check of SQLite statements (see timed-query.ts), on about one candidate row in
 * `DEADLINE_SAMPLE` (by id): a call into JavaScript per row would cost more than the row itself.
 */
const deadlineCheck = (id: RawBuilder<unknown>) =>
  sql<boolean>`(${id} % ${sql.raw(String(DEADLINE_SAMPLE))} <> 0 or hd_deadline(${id}))`

/** Does the tree still hold an FTS5 prefix query (one not expanded to its words)? */
const hasPrefix = (n: QueryNode, terms: PrefixTerms): boolean =>
  n.kind === 'TextNode'
    ? n.prefix && !terms.has(n)
    : n.kind === 'NearNode'
      ? n.left.prefix || n.right.prefix
      : n.kind === 'NotNode'
        ? hasPrefix(n.child, terms)
        : n.kind === 'FieldNode'
          ? false
          : n.children.some((c) => hasPrefix(c, terms))

/** The first `date:` range among AND-ed parts of a query (every match is in it). */
function firstDateRange(parts: readonly QueryNode[]) {
  for (const n of parts) if (n.kind === 'FieldNode' && n.field === 'date') return { from: n.from, to: n.to }
  return null
}

const and = (parts: RawBuilder<boolean>[]) =>
  parts.length === 0 ? sql<boolean>`(1 = 1)` : sql<boolean>`(${sql.join(parts, sql` and `)})`

/** `terms`: SQLite, the words of one-word prefixes (prefix-terms.ts); PostgreSQL ignores them. */
export function compileSearch(
  tree: QueryNode,
  dialect: DialectName,
  resolved: ResolvedFields,
  terms: PrefixTerms = new Map(),
): CompiledSearch {
  return dialect === 'sqlite' ? compileSqlite(tree, resolved, terms) : compilePostgres(tree, resolved)
}

function compileSqlite(tree: QueryNode, resolved: ResolvedFields, terms: PrefixTerms): CompiledSearch {
  const children = tree.kind === 'AndNode' ? tree.children : [tree]
  const textParts = children.filter(
    (c) => isTextOnly(c) && isFtsExpressible(c.kind === 'NotNode' ? c.child : c),
  )
  const matchable = textParts.some((c) => c.kind !== 'NotNode')
  const rest = matchable ? children.filter((c) => !textParts.includes(c)) : children
  const where = rest.map((c) => sqliteCondition(c, resolved, terms))
  where.push(deadlineCheck(sql`d.article_id`))
  if (!matchable) {
    const w = and(where)
    return {
      from: sql`search_docs d`,
      where: w,
      score: sql<number>`0`,
      ranked: false,
      count: sql`select count(*) as n from search_docs d where ${w}`,
      scoreIds: unscored,
      newest: (n) =>
        sql`select d.article_id from search_docs d where ${w} order by d.article_id desc limit ${n}`,
      tally: { from: sql`search_docs d`, where: w, id: sql<number>`d.article_id` },
    }
  }
  const textTree: QueryNode =
    textParts.length === 1 ? textParts[0]! : { kind: 'AndNode', children: textParts }
  const match = ftsExpression(textTree, terms)
  const matchSql = sql<boolean>`search_fts match ${match}`
  const full = and([matchSql, ...where])
  const textTally: Tally = {
    from: sql`search_fts`,
    where: and([matchSql, deadlineCheck(sql`rowid`)]),
    id: sql<number>`search_fts.rowid`,
  }
  return {
    from: sql`search_fts join search_docs d on d.article_id = search_fts.rowid`,
    where: full,
    score: sql<number>`(-bm25(search_fts, ${BM25_WEIGHTS}))`,
    ranked: true,
    // every FTS row has its search_docs row (written together, deleted by trigger): no join to count
    count:
      rest.length === 0
        ? sql`select count(*) as n from search_fts where ${matchSql} and ${deadlineCheck(sql`rowid`)}`
        : sql`select count(*) as n from search_fts join search_docs d on d.article_id = search_fts.rowid where ${full}`,
    // `+rowid`: FTS5 must not receive the ids as rowid lookups (it would run the whole MATCH once per
    // id); it walks the matches once and bm25 is computed only for rows in the window
    // the ids' range bounds the walk (FTS5 seeks to it): the window of the most recently stored
    // matches is a short tail of each word's list
    // the bounds are integer literals: FTS5 ignores a rowid bound bound as a REAL (better-sqlite3
    // binds every JS number so) and would walk all matches
    text: { tree: textTree, terms },
    scoreIds: (ids, scoring) =>
      sql`select rowid as article_id, (-bm25(search_fts, ${BM25_WEIGHTS})) as score from search_fts
        where search_fts match ${scoring ?? match} and rowid >= ${rowidLit(ids.length === 0 ? 0 : Math.min(...ids))}
          and rowid <= ${rowidLit(ids.length === 0 ? 0 : Math.max(...ids))} and +rowid in (${idList(ids)})`,
    // FTS5 reads its matches backwards from the highest id and stops after n that pass the filters
    newest: (n) =>
      sql`select search_fts.rowid as article_id from search_fts join search_docs d on d.article_id = search_fts.rowid
        where ${full} order by search_fts.rowid desc limit ${n}`,
    walk: {
      from: sql`search_docs d`,
      where: and([sql<boolean>`+d.article_id in (select rowid from search_fts where ${matchSql})`, ...where]),
    },
    ...(rest.length === 0
      ? {}
      : {
          filters: { dateRange: firstDateRange(rest) },
        }),
    textTally,
    tally:
      rest.length === 0
        ? textTally
        : {
            from: sql`search_fts join search_docs d on d.article_id = search_fts.rowid`,
            where: full,
            id: sql<number>`search_fts.rowid`,
          },
    sampling: {
      textCount: sql`select count(*) as n from search_fts where ${matchSql} and ${deadlineCheck(sql`rowid`)}`,
      matchKey: match,
      every: (k) => sql<boolean>`(search_fts.rowid % ${sql.lit(Math.max(1, Math.floor(k)))} = 0)`,
    },
    ...(hasPrefix(textTree, terms)
      ? {}
      : {
          probe: {
            from: sql`search_docs d`,
            where: and([
              ...where,
              sql<boolean>`exists (select 1 from search_fts where ${matchSql} and search_fts.rowid = d.article_id)`,
            ]),
          },
        }),
  }
}

function sqliteCondition(node: QueryNode, resolved: ResolvedFields, terms: PrefixTerms): RawBuilder<boolean> {
  const sub = (c: QueryNode) => sqliteCondition(c, resolved, terms)
  if (node.kind === 'FieldNode') return fieldCondition(node, resolved)
  if (node.kind === 'NotNode') return sql<boolean>`(not ${sub(node.child)})`
  if (isTextOnly(node) && isFtsExpressible(node))
    return sql<boolean>`(d.article_id in (select rowid from search_fts where search_fts match ${ftsExpression(node, terms)}))`
  if (node.kind === 'AndNode') return and(node.children.map(sub))
  if (node.kind === 'OrNode') return sql<boolean>`(${sql.join(node.children.map(sub), sql` or `)})`
  throw new Error(`cannot compile ${node.kind}`)
}

function compilePostgres(tree: QueryNode, resolved: ResolvedFields): CompiledSearch {
  const leaves = rankedLeaves(tree)
  const score = pgScore(leaves)
  const where = pgCondition(tree, resolved)
  const dateRange = firstDateRange(tree.kind === 'AndNode' ? tree.children : [tree])
  return {
    ...(dateRange ? { dateRange } : {}),
    from: sql`search_docs d`,
    where,
    score,
    ranked: leaves.length > 0,
    count: sql`select count(*) as n from search_docs d where ${where}`,
    tally: { from: sql`search_docs d`, where, id: sql<number>`d.article_id` },
    scoreIds: (ids) => pgScoreIds(leaves, score, ids),
    // collect the matches through the GIN index first: walking the primary key backwards would read
    // each visited row's out-of-line vectors
    newest: (n) =>
      sql`with m as materialized (select d.article_id from search_docs d where ${where})
        select article_id from m order by article_id desc limit ${n}`,
  }
}

/** `negated`: under a NOT (odd depth), where text leaves are checked row by row (pg-compile.ts). */
function pgCondition(node: QueryNode, resolved: ResolvedFields, negated = false): RawBuilder<boolean> {
  const sub = (c: QueryNode) => pgCondition(c, resolved, negated)
  switch (node.kind) {
    case 'FieldNode':
      return node.field === 'date' ? pgDateCondition(node) : fieldCondition(node, resolved)
    case 'TextNode':
    case 'NearNode':
      return pgLeafCondition(node, negated)
    case 'NotNode':
      return sql<boolean>`(not ${pgCondition(node.child, resolved, !negated)})`
    case 'AndNode':
      return and(node.children.map(sub))
    case 'OrNode':
      return sql<boolean>`(${sql.join(node.children.map(sub), sql` or `)})`
  }
}

/** Leaves that add to relevance: every text leaf not under a NOT. */
function rankedLeaves(node: QueryNode, out: (TextNode | NearNode)[] = []): (TextNode | NearNode)[] {
  if (node.kind === 'TextNode' || node.kind === 'NearNode') out.push(node)
  else if (node.kind === 'AndNode' || node.kind === 'OrNode')
    for (const c of node.children) rankedLeaves(c, out)
  return out
}
