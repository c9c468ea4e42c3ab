/**
 * The parsed query: plain, frozen node objects (`{kind: 'AndNode', …}`), one tree for every backend.
 * Text nodes carry words already analysed (normalized, folded, exact or not), so a backend compiler
 * only chooses columns and writes its own syntax.
 */

/** Where text must occur: anywhere in the article (title, lead, body) or in the title only. */
export type TextScope = 'text' | 'title'

export interface QueryWord {
  /** normalized lower-case form, with diacritics */
  readonly exact: string
  /** no diacritics, đ → d */
  readonly folded: string
  /** true: match `exact` only (the word had diacritics, or was written `=word`); false: any diacritic form */
  readonly useExact: boolean
}

/** A word, a `"phrase"` (consecutive words) or a `prefix*` (the last word is a prefix). */
export interface TextNode {
  readonly kind: 'TextNode'
  readonly words: readonly QueryWord[]
  readonly prefix: boolean
  readonly scope: TextScope
  /** typed in quotes: never dropped as a stopword */
  readonly quoted: boolean
  readonly pos: number
}

/** `a NEAR/n b`: both in the same scope, at most `distance` words between them, in either order. */
export interface NearNode {
  readonly kind: 'NearNode'
  readonly left: TextNode
  readonly right: TextNode
  readonly distance: number
  readonly pos: number
}

export interface AndNode {
  readonly kind: 'AndNode'
  readonly children: readonly QueryNode[]
}

export interface OrNode {
  readonly kind: 'OrNode'
  readonly children: readonly QueryNode[]
}

export interface NotNode {
  readonly kind: 'NotNode'
  readonly child: QueryNode
}

export type Comparison = '<' | '<=' | '>' | '>=' | '='

/** Filters on article metadata rather than words. */
export type FieldNode =
  | { readonly kind: 'FieldNode'; readonly field: 'source'; readonly value: string; readonly pos: number }
  | { readonly kind: 'FieldNode'; readonly field: 'lang'; readonly value: string; readonly pos: number }
  | { readonly kind: 'FieldNode'; readonly field: 'country'; readonly value: string; readonly pos: number }
  | { readonly kind: 'FieldNode'; readonly field: 'place'; readonly value: string; readonly pos: number }
  | { readonly kind: 'FieldNode'; readonly field: 'topic'; readonly value: string; readonly pos: number }
  | {
      readonly kind: 'FieldNode'
      readonly field: 'date'
      /** ISO instants (UTC), `from` inclusive, `to` exclusive; either may be open */
      readonly from: string | null
      readonly to: string | null
      readonly pos: number
    }
  | {
      readonly kind: 'FieldNode'
      readonly field: 'tone'
      readonly min: number | null
      readonly max: number | null
      readonly minInclusive: boolean
      readonly maxInclusive: boolean
      readonly pos: number
    }

export type FieldName = FieldNode['field'] | 'title'

export type QueryNode = TextNode | NearNode | AndNode | OrNode | NotNode | FieldNode

export const isTextLike = (n: QueryNode): n is TextNode | NearNode =>
  n.kind === 'TextNode' || n.kind === 'NearNode'

/** Every text/near leaf under a node (for highlighting and top terms); `negated` ones are skipped. */
export function positiveTextLeaves(node: QueryNode, out: TextNode[] = []): TextNode[] {
  switch (node.kind) {
    case 'TextNode':
      out.push(node)
      break
    case 'NearNode':
      out.push(node.left, node.right)
      break
    case 'AndNode':
    case 'OrNode':
      for (const c of node.children) positiveTextLeaves(c, out)
      break
    default:
      break
  }
  return out
}

/** Can the node match on its own (not only exclude)? A query must, or it would list everything. */
export function hasPositive(node: QueryNode): boolean {
  switch (node.kind) {
    case 'NotNode':
      return false
    case 'AndNode':
      return node.children.some(hasPositive)
    case 'OrNode':
      return node.children.every(hasPositive)
    default:
      return true
  }
}
