import type { QueryNode } from '../query/ast.js'
import type { PrefixTerms } from './prefix-terms.js'
import { type ColumnPhrase, planLeaf } from './text-plan.js'

/** A token as an FTS5 string: always quoted, so no word is ever read as an operator or column. */
const quote = (s: string) => `"${s.replaceAll('"', '""')}"`

const phrase = (p: ColumnPhrase) => `${quote(p.words.join(' '))}${p.prefix ? '*' : ''}`

/** Is this subtree words and operators only, in a shape FTS5 can run (every AND/OR part can match)? */
export function isFtsExpressible(node: QueryNode): boolean {
  switch (node.kind) {
    case 'TextNode':
    case 'NearNode':
      return true
    case 'AndNode':
      return (
        node.children.some((c) => c.kind !== 'NotNode') &&
        node.children.every((c) => isFtsExpressible(c.kind === 'NotNode' ? c.child : c))
      )
    case 'OrNode':
      return node.children.every((c) => c.kind !== 'NotNode' && isFtsExpressible(c))
    default:
      return false
  }
}

const NO_TERMS: PrefixTerms = new Map()

/**
 * The FTS5 MATCH expression of an expressible subtree. Built only from quoted tokens (letters and
 * digits, see `indexTokens`), fixed column names and operators: user text never reaches the parser raw.
 * A one-word prefix found in `terms` becomes the OR of its indexed words (see prefix-terms.ts).
 */
export function ftsExpression(node: QueryNode, terms: PrefixTerms = NO_TERMS): string {
  switch (node.kind) {
    case 'TextNode':
    case 'NearNode': {
      const plan = planLeaf(node)
      const words = node.kind === 'TextNode' ? terms.get(node) : undefined
      if (words !== undefined) return `{${plan.column}} : (${words.map(quote).join(' OR ')})`
      const main =
        plan.near === null
          ? `{${plan.column}} : ${phrase(plan.phrases[0]!)}`
          : `{${plan.column}} : NEAR(${plan.phrases.map(phrase).join(' ')}, ${plan.near})`
      const extras = plan.alsoExact.map((e) => `{${e.column}} : ${phrase(e.phrase)}`)
      return extras.length === 0 ? main : `(${[main, ...extras].join(' AND ')})`
    }
    case 'AndNode': {
      const pos = node.children.filter((c) => c.kind !== 'NotNode').map((c) => `(${ftsExpression(c, terms)})`)
      const neg = node.children.flatMap((c) =>
        c.kind === 'NotNode' ? [`(${ftsExpression(c.child, terms)})`] : [],
      )
      return [`(${pos.join(' AND ')})`, ...neg].join(' NOT ')
    }
    case 'OrNode':
      return node.children.map((c) => `(${ftsExpression(c, terms)})`).join(' OR ')
    default:
      throw new Error(`not an FTS5 expression: ${node.kind}`)
  }
}
