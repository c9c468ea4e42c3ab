import { hasDiacritics, indexTokens } from '../index-tokens.js'
import {
  type FieldNode,
  hasPositive,
  type NearNode,
  type QueryNode,
  type QueryWord,
  type TextNode,
  type TextScope,
} from './ast.js'
import { fieldOf, parseDate, parseTone } from './field-values.js'
import { type LexToken, lexQuery } from './lex-query.js'
import { syntaxError } from './query-reasons.js'
import { dropStopwords } from './simplify.js'

/** NEAR without a number, as in FTS5: at most 10 words apart. */
export const DEFAULT_NEAR = 10
/** Largest NEAR distance: PostgreSQL spells NEAR/n as 2(n+1) alternatives, so keep n small. */
export const MAX_NEAR = 20
/**
 * Shortest prefix before `*`: `ba*` would merge the postings of a large part of the Vietnamese
 * vocabulary (most syllables are 2–4 letters), a cost no time limit can interrupt inside FTS5.
 */
export const MIN_PREFIX = 3
/** Bounds on query size, so no query can turn into minutes of database work. */
export const MAX_DEPTH = 20
export const MAX_LEAVES = 64

type WordToken = Extract<LexToken, { type: 'word' }>

/**
 * Parses a query into a tree (see docs/search.md). Precedence, tightest first: `NOT`/`-`, `NEAR/n`,
 * `AND` (also implicit, between neighbours), `OR`. Throws AppError QUERY_SYNTAX with the position.
 */
export function parseQuery(input: string): QueryNode {
  const p = new Parser(lexQuery(input, fieldOf), input.length)
  const tree = p.parseAll()
  return dropStopwords(tree)
}

class Parser {
  #i = 0
  #depth = 0
  #leaves = 0
  constructor(
    readonly tokens: LexToken[],
    readonly end: number,
  ) {}

  parseAll(): QueryNode {
    if (this.tokens.length === 0) throw syntaxError('empty', 0)
    const node = this.or('text')
    const extra = this.tokens[this.#i]
    if (extra) throw syntaxError(extra.type === 'rparen' ? 'unmatched_close' : 'unexpected_text', extra.pos)
    if (node === null) throw syntaxError('no_words', 0)
    if (!hasPositive(node)) throw syntaxError('only_excludes', 0)
    return node
  }

  #peek = () => this.tokens[this.#i]

  or(scope: TextScope): QueryNode | null {
    const parts = [this.and(scope)]
    while (this.#peek()?.type === 'or') {
      const op = this.tokens[this.#i++]!
      if (!this.#startsOperand()) throw syntaxError('or_needs_operand', op.pos)
      parts.push(this.and(scope))
    }
    return combine('OrNode', parts)
  }

  and(scope: TextScope): QueryNode | null {
    const parts = [this.unary(scope)]
    for (;;) {
      const t = this.#peek()
      if (t?.type === 'and') {
        this.#i++
        if (!this.#startsOperand()) throw syntaxError('and_needs_operand', t.pos)
      } else if (!this.#startsOperand()) break
      parts.push(this.unary(scope))
    }
    return combine('AndNode', parts)
  }

  unary(scope: TextScope): QueryNode | null {
    const t = this.#peek()
    if (t?.type !== 'not') return this.near(scope)
    this.#i++
    if (!this.#startsOperand()) throw syntaxError('not_needs_operand', t.pos)
    const child = this.unary(scope)
    return child === null ? null : { kind: 'NotNode', child }
  }

  near(scope: TextScope): QueryNode | null {
    let left = this.primary(scope)
    const pairs: NearNode[] = []
    while (this.#peek()?.type === 'near') {
      const op = this.tokens[this.#i++] as Extract<LexToken, { type: 'near' }>
      const distance = op.distance ?? DEFAULT_NEAR
      if (distance < 1 || distance > MAX_NEAR) throw syntaxError('near_distance', op.pos, { max: MAX_NEAR })
      const next = this.#peek()
      const right = next && next.type !== 'not' && this.#startsOperand() ? this.primary(scope) : null
      if (left?.kind !== 'TextNode' || right?.kind !== 'TextNode') throw syntaxError('near_operands', op.pos)
      if (left.scope !== right.scope) throw syntaxError('near_same_field', op.pos)
      pairs.push({ kind: 'NearNode', left, right, distance, pos: op.pos })
      left = right
    }
    if (pairs.length === 0) return left
    return pairs.length === 1 ? pairs[0]! : { kind: 'AndNode', children: pairs }
  }

  primary(scope: TextScope): QueryNode | null {
    const t = this.tokens[this.#i++]
    if (t === undefined) throw syntaxError('ends_early', this.end)
    if (t.type === 'lparen') return this.#group(t.pos, scope)
    if (t.type === 'word') return this.#text(t, scope)
    if (t.type === 'field') return this.#field(t, scope)
    throw syntaxError(t.type === 'rparen' ? 'unmatched_close' : 'unexpected_operator', t.pos, {
      operator: t.type.toUpperCase(),
    })
  }

  #group(pos: number, scope: TextScope): QueryNode | null {
    if (++this.#depth > MAX_DEPTH) throw syntaxError('too_deep', pos)
    if (this.#peek()?.type === 'rparen') throw syntaxError('empty_parentheses', pos)
    const inner = this.or(scope)
    if (this.#peek()?.type !== 'rparen') throw syntaxError('unclosed_parenthesis', pos)
    this.#i++
    this.#depth--
    return inner
  }

  #startsOperand(): boolean {
    const t = this.#peek()
    return (
      t !== undefined && (t.type === 'lparen' || t.type === 'word' || t.type === 'field' || t.type === 'not')
    )
  }

  #text(t: WordToken, scope: TextScope): TextNode | null {
    const tokens = indexTokens(t.text)
    if (tokens.length === 0) {
      if (t.prefix) throw syntaxError('short_prefix', t.pos, { min: MIN_PREFIX })
      return null // only punctuation or symbols: nothing to match
    }
    if (++this.#leaves > MAX_LEAVES) throw syntaxError('too_many_words', t.pos, { max: MAX_LEAVES })
    const words: QueryWord[] = tokens.map((k) => ({
      exact: k.exact,
      folded: k.folded,
      useExact: t.exact || hasDiacritics(k),
    }))
    if (t.prefix && words[words.length - 1]!.folded.length < MIN_PREFIX)
      throw syntaxError('short_prefix', t.pos, { min: MIN_PREFIX })
    return { kind: 'TextNode', words, prefix: t.prefix, scope, quoted: t.quoted || t.exact, pos: t.pos }
  }

  #field(t: Extract<LexToken, { type: 'field' }>, scope: TextScope): QueryNode | null {
    if (t.name === 'title') {
      if (t.group) {
        this.#i++ // the '('
        return this.#group(t.pos, 'title')
      }
      const exact = t.value.startsWith('=')
      const body = exact ? t.value.slice(1) : t.value
      const prefix = !t.quoted && body.endsWith('*')
      const text = prefix ? body.slice(0, -1) : body
      return this.#text({ type: 'word', pos: t.pos, text, exact, prefix, quoted: t.quoted }, 'title')
    }
    if (t.group) throw syntaxError('field_group', t.pos, { field: t.name })
    if (scope === 'title') throw syntaxError('field_in_title', t.pos, { field: t.name })
    return fieldNode(t.name, t.value.trim(), t.pos)
  }
}

function fieldNode(name: string, value: string, pos: number): FieldNode {
  if (value === '') throw syntaxError('field_needs_value', pos, { field: name })
  switch (name) {
    case 'date':
      return parseDate(value, pos)
    case 'tone':
      return parseTone(value, pos)
    case 'source':
    case 'lang':
    case 'country':
    case 'place':
    case 'topic':
      return { kind: 'FieldNode', field: name, value, pos }
    default:
      throw syntaxError('unknown_field', pos, { field: name })
  }
}

function combine(kind: 'AndNode' | 'OrNode', parts: (QueryNode | null)[]): QueryNode | null {
  const kept = parts.filter((p): p is QueryNode => p !== null)
  if (kept.length <= 1) return kept[0] ?? null
  const flat = kept.flatMap((p) => (p.kind === kind ? p.children : [p]))
  return { kind, children: flat }
}
