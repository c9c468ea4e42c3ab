import { stopwords } from '../../text/stopwords.js'
import { couldBeVietnameseSyllable } from '../../text/syllable-shape.js'
import { hasPositive, type QueryNode } from './ast.js'
import { syntaxError } from './query-reasons.js'

/**
 * Vietnamese function words dropped from queries: the most frequent grammatical words of news text
 * (data/stopwords-vi.txt, which also lists content-bearing frequent words such as `bán`, `số`, `người`
 * that a search must keep: "chuyển đổi số"). Negation (`không`) is kept: it changes meaning.
 */
const VI_QUERY_STOPWORDS = new Set(
  'và của trong là có cho được đã với các một này để khi những ở đến cũng đó về vào sẽ ra trên từ tại theo thì mà rằng nhưng như'.split(
    ' ',
  ),
)

/**
 * English function words are dropped too, unless shaped like a Vietnamese syllable: typed without
 * accents, `an`, `the`, `so`, `to` are `an`, `thể`, `số`, `tổ` (`cong an`, `the thao`, `chuyen doi so`).
 */
const isStopword = (w: string) =>
  VI_QUERY_STOPWORDS.has(w) || (stopwords('en').has(w) && !couldBeVietnameseSyllable(w))

/** A bare single word (not quoted, not `=word`, not a prefix) that is a stopword. */
function droppable(n: QueryNode): boolean {
  return (
    n.kind === 'TextNode' && !n.quoted && !n.prefix && n.words.length === 1 && isStopword(n.words[0]!.exact)
  )
}

function onlyStopwords(n: QueryNode): boolean {
  if (droppable(n)) return true
  if (n.kind === 'AndNode' || n.kind === 'OrNode') return n.children.every(onlyStopwords)
  return false
}

/**
 * Drops bare stopwords from AND lists (`tình hình ở Biển Đông` searches `tình hình Biển Đông`): they
 * match nearly every article and only cost time. Quoted words, phrases and OR branches keep them.
 * A query made only of stopwords is refused with a message rather than listing everything.
 */
export function dropStopwords(root: QueryNode): QueryNode {
  if (onlyStopwords(root)) throw syntaxError('only_stopwords', 0)
  return simplify(root)
}

function simplify(n: QueryNode): QueryNode {
  if (n.kind === 'NotNode') return { kind: 'NotNode', child: simplify(n.child) }
  if (n.kind === 'OrNode') return { kind: 'OrNode', children: n.children.map(simplify) }
  if (n.kind !== 'AndNode') return n
  const kept = n.children.filter((c) => !droppable(c)).map(simplify)
  if (!kept.some(hasPositive)) return n
  return kept.length === 1 ? kept[0]! : { kind: 'AndNode', children: kept }
}
