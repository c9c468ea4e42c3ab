import type { NearNode, QueryWord, TextNode, TextScope } from '../query/ast.js'

export type IndexColumn = 'title_exact' | 'title_folded' | 'text_exact' | 'text_folded'
export type WordForm = 'exact' | 'folded'

/** One run of consecutive words matched in one column (a word, a phrase, a prefix). */
export interface ColumnPhrase {
  readonly words: readonly string[]
  readonly prefix: boolean
}

/**
 * How a text leaf is matched. Words written with diacritics must match the `exact` column, plain
 * words the `folded` one, but a phrase or NEAR must sit in one column. When a leaf mixes both, the
 * phrase/NEAR is matched on the folded forms and each diacritic word is also required, anywhere in
 * the same scope, in the exact column. Both backends compile this same plan, so they agree; the cost
 * is that `"bán hang"` also finds an article with "ban hàng … bán" (rare; see docs/search.md).
 */
export interface LeafPlan {
  readonly column: IndexColumn
  readonly phrases: readonly ColumnPhrase[]
  /** NEAR only: at most this many words between the two phrases, either order */
  readonly near: number | null
  readonly alsoExact: readonly { column: IndexColumn; phrase: ColumnPhrase }[]
}

const col = (scope: TextScope, form: WordForm): IndexColumn => `${scope}_${form}`

function phraseIn(form: WordForm, n: TextNode): ColumnPhrase {
  return { words: n.words.map((w) => w[form]), prefix: n.prefix }
}

function exactExtras(nodes: readonly TextNode[]) {
  const out: { column: IndexColumn; phrase: ColumnPhrase }[] = []
  for (const n of nodes) {
    n.words.forEach((w: QueryWord, i) => {
      if (!w.useExact) return
      const prefix = n.prefix && i === n.words.length - 1
      out.push({ column: col(n.scope, 'exact'), phrase: { words: [w.exact], prefix } })
    })
  }
  return out
}

export function planLeaf(leaf: TextNode | NearNode): LeafPlan {
  const nodes = leaf.kind === 'TextNode' ? [leaf] : [leaf.left, leaf.right]
  const words = nodes.flatMap((n) => n.words)
  const exactCount = words.filter((w) => w.useExact).length
  const form: WordForm = exactCount === words.length ? 'exact' : 'folded'
  const mixed = exactCount > 0 && exactCount < words.length
  return {
    column: col(nodes[0]!.scope, form),
    phrases: nodes.map((n) => phraseIn(form, n)),
    near: leaf.kind === 'NearNode' ? leaf.distance : null,
    alsoExact: mixed ? exactExtras(nodes) : [],
  }
}
