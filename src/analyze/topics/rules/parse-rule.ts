import { AppError } from '../../../shared/errors.js'
import { type PhrasePattern, phrasePattern } from './prepared-text.js'

export type RuleNode =
  | { kind: 'phrase'; pattern: PhrasePattern }
  | { kind: 'and'; items: RuleNode[] }
  | { kind: 'or'; items: RuleNode[] }
  | { kind: 'not'; item: RuleNode }
  /** both sides occur within `distance` words of each other (sides: words, phrases, @concepts, OR of them) */
  | { kind: 'near'; distance: number; items: [RuleNode, RuleNode] }

type Token = {
  t: 'word' | 'phrase' | 'concept' | 'and' | 'or' | 'not' | 'near' | '(' | ')'
  v: string
  pos: number
}

const NEAR = /^NEAR\/(\d{1,2})$/

const TOKEN = /\s*(?:(\()|(\))|"([^"]*)"|@([\w-]+)|([^\s()"]+))/y

function lex(src: string): Token[] {
  const out: Token[] = []
  TOKEN.lastIndex = 0
  while (TOKEN.lastIndex < src.length) {
    const pos = TOKEN.lastIndex
    const m = TOKEN.exec(src)
    if (!m) {
      if (/^\s*$/.test(src.slice(pos))) break
      throw new AppError('QUERY_SYNTAX', `unclosed quote at position ${pos + 1}`, {
        details: { position: pos + 1 },
      })
    }
    const at = m.index + m[0].length - m[0].trimStart().length
    if (m[1]) out.push({ t: '(', v: '(', pos: at })
    else if (m[2]) out.push({ t: ')', v: ')', pos: at })
    else if (m[3] !== undefined) out.push({ t: 'phrase', v: m[3], pos: at })
    else if (m[4]) out.push({ t: 'concept', v: m[4], pos: at })
    else {
      const w = m[5]!
      const op = ({ AND: 'and', OR: 'or', NOT: 'not' } as const)[w as 'AND' | 'OR' | 'NOT']
      if (op) out.push({ t: op, v: w, pos: at })
      else if (NEAR.test(w)) out.push({ t: 'near', v: w, pos: at })
      else out.push({ t: 'word', v: w, pos: at })
    }
  }
  return out
}

/**
 * Parses a topic rule: words, "phrases", @concepts (expanded from the glossary), AND / OR / NOT,
 * `A NEAR/n B` (within n words; binds tighter than AND; its sides are words, phrases, @concepts or
 * parenthesised ORs of them), parentheses; adjacency means AND. Errors name the position (1-based).
 */
export function parseRule(src: string, glossary: Record<string, string[]>): RuleNode {
  const toks = lex(src)
  let i = 0
  const fail = (msg: string): never => {
    const pos = toks[i]?.pos ?? src.length
    throw new AppError('QUERY_SYNTAX', `${msg} at position ${pos + 1}`, { details: { position: pos + 1 } })
  }
  const orExpr = (): RuleNode => {
    const items = [andExpr()]
    while (toks[i]?.t === 'or') {
      i++
      items.push(andExpr())
    }
    return items.length === 1 ? items[0]! : { kind: 'or', items }
  }
  const andExpr = (): RuleNode => {
    const items = [nearExpr()]
    while (toks[i] && toks[i]!.t !== 'or' && toks[i]!.t !== ')') {
      if (toks[i]!.t === 'and') i++
      items.push(nearExpr())
    }
    return items.length === 1 ? items[0]! : { kind: 'and', items }
  }
  const nearExpr = (): RuleNode => {
    let left = unary()
    while (toks[i]?.t === 'near') {
      const distance = Number(NEAR.exec(toks[i]!.v)![1])
      if (!positional(left)) fail('NEAR needs words, phrases or @concepts before it')
      i++
      const right = unary()
      if (!positional(right)) fail('NEAR needs words, phrases or @concepts after it')
      left = { kind: 'near', distance, items: [left, right] }
    }
    return left
  }
  const unary = (): RuleNode => {
    const tok = toks[i]
    if (!tok) return fail('expression expected')
    i++
    if (tok.t === 'not') return { kind: 'not', item: unary() }
    if (tok.t === '(') {
      const inner = orExpr()
      if (toks[i]?.t !== ')') fail('")" expected')
      i++
      return inner
    }
    if (tok.t === 'word' || tok.t === 'phrase') {
      const pattern = phrasePattern(tok.v)
      if (pattern.words.length === 0) fail('empty term')
      return { kind: 'phrase', pattern }
    }
    if (tok.t === 'concept') {
      const names = glossary[tok.v]
      if (!names) return fail(`unknown concept @${tok.v}`)
      return { kind: 'or', items: names.map((n) => ({ kind: 'phrase' as const, pattern: phrasePattern(n) })) }
    }
    return fail(`unexpected "${tok.v}"`)
  }
  const positional = (n: RuleNode): boolean =>
    n.kind === 'phrase' || (n.kind === 'or' && n.items.every(positional))
  const tree = orExpr()
  if (i < toks.length) fail(`unexpected "${toks[i]!.v}"`)
  return tree
}
