import type SqliteDriver from 'better-sqlite3'
import { foldText } from '../../text/fold.js'
import type { QueryNode, TextNode } from '../query/ast.js'
import { indexMemo } from './index-memo.js'

/**
 * SQLite: a one-word prefix (`ngh*`) is run as the OR of the indexed words that start with it, read
 * from the FTS5 vocabulary when the query is prepared. FTS5's own prefix query merges every such
 * word's postings into one list in memory, in each statement of a search (count, page, ranking)
 * and in each row lookup of a date walk; an OR of words is merged lazily, row by row, and can be
 * looked up at one article. Same matches: the OR holds every indexed word with the prefix. A prefix
 * of more than `MAX_PREFIX_TERMS` words, or of none, keeps the FTS5 prefix query.
 */
export const MAX_PREFIX_TERMS = 128
/**
 * Vocabulary rows read per prefix, at most: both columns' words (a plain prefix's exact forms are
 * dropped). Each row read walks that word's postings (FTS5 counts them), so this bounds the cost.
 */
const MAX_VOCABULARY_ROWS = 4 * MAX_PREFIX_TERMS

/** The words each expanded prefix node stands for (absent: keep the prefix query). */
export type PrefixTerms = ReadonlyMap<TextNode, readonly string[]>

const vocabReady = new WeakSet<SqliteDriver.Database>()
/**
 * Reading a prefix's words walks their postings (at a million articles `ngh` is 92 words and
 * 110 ms), and one explorer page prepares the same query five times: a connection remembers them
 * (up to 256 prefixes) while the index is unchanged.
 */
const rememberedWords = indexMemo<readonly string[] | null>(256)
/** A per-connection view of the index's words (`fts5vocab` 'row': one row per distinct word). */
function vocabulary(h: SqliteDriver.Database) {
  if (!vocabReady.has(h)) {
    h.exec(
      `create virtual table if not exists temp.search_fts_words using fts5vocab(main, search_fts, 'row')`,
    )
    vocabReady.add(h)
  }
  return h.prepare(`select term from temp.search_fts_words where term >= ? and term < ? limit ?`)
}

function prefixNodes(node: QueryNode, out: TextNode[] = []): TextNode[] {
  if (node.kind === 'TextNode' && node.prefix && node.words.length === 1) out.push(node)
  else if (node.kind === 'AndNode' || node.kind === 'OrNode')
    for (const c of node.children) prefixNodes(c, out)
  else if (node.kind === 'NotNode') prefixNodes(node.child, out)
  return out
}

/** The first string after every string that starts with `p` (its last character + 1). */
const after = (p: string) => {
  const chars = [...p]
  const last = chars.pop()!.codePointAt(0)!
  return chars.join('') + String.fromCodePoint(last + 1)
}

/**
 * The indexed words of each one-word prefix in the tree. A plain prefix matches the folded column,
 * whose words are their own folded form; a diacritic one the exact column: words of the other
 * column (and of none) would only add empty lists, so the folded column keeps only folded words.
 */
export function expandPrefixes(h: SqliteDriver.Database, tree: QueryNode): PrefixTerms {
  const out = new Map<TextNode, readonly string[]>()
  const nodes = prefixNodes(tree)
  if (nodes.length === 0) return out
  const remembered = rememberedWords(h)
  for (const n of nodes) {
    const w = n.words[0]!
    const key = `${w.useExact ? 'e' : 'f'}:${w.useExact ? w.exact : w.folded}`
    let terms = remembered.get(key)
    if (terms === undefined) {
      terms = prefixWords(h, w.useExact ? w.exact : w.folded, w.useExact)
      remembered.set(key, terms)
    }
    if (terms !== null) out.set(n, terms)
  }
  return out
}

/** The indexed words starting with `p` (folded ones only unless `exact`), or null: too many or none. */
function prefixWords(h: SqliteDriver.Database, p: string, exact: boolean): readonly string[] | null {
  const rows = vocabulary(h)
    .pluck()
    .all(p, after(p), MAX_VOCABULARY_ROWS + 1) as string[]
  if (rows.length > MAX_VOCABULARY_ROWS) return null // not all read: keep the prefix query
  const terms = rows.filter((t) => t.startsWith(p) && (exact || foldText(t) === t))
  return terms.length > 0 && terms.length <= MAX_PREFIX_TERMS ? terms : null
}
