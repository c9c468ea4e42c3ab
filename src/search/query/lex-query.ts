import { syntaxError } from './query-reasons.js'

/**
 * Longest accepted query. Real queries are a few dozen characters; a saved watchlist rule with many
 * place names stays well under this. Longer input is refused before any work is done.
 */
export const MAX_QUERY_LENGTH = 1000

export type LexToken =
  | { type: 'lparen' | 'rparen' | 'and' | 'or'; pos: number }
  | { type: 'not'; pos: number; minus: boolean }
  | { type: 'near'; pos: number; distance: number | null; raw: string }
  | { type: 'word'; pos: number; text: string; exact: boolean; prefix: boolean; quoted: boolean }
  | { type: 'field'; pos: number; name: string; value: string; quoted: boolean; group: boolean }

const OPEN_QUOTES = new Set(['"', '\u201c', '\u201d', '\u201e'])
const CLOSE_QUOTES = new Set(['"', '\u201d', '\u201c'])
/** Control and format characters count as spaces (pasted text often carries them). */
const SPACE = /[\s\p{Cc}\p{Cf}]/u
const OPERATORS: Record<string, 'and' | 'or' | 'not'> = {
  AND: 'and',
  OR: 'or',
  NOT: 'not',
  'V\u00c0': 'and', // VÀ
  'HO\u1eb6C': 'or', // HOẶC
  'KH\u00d4NG': 'not', // KHÔNG
}
const NEAR = /^NEAR(?:\/(\d{1,6}))?$/
const FIELD = /^([\p{L}_]{2,20}):/u

/**
 * Splits a query into tokens. Operators are upper case only (`AND OR NOT NEAR/n`, `VÀ HOẶC KHÔNG`):
 * lower-case `và`, `không` are ordinary words. `-x` negates, `=x` asks for the exact word, `x*` is a
 * prefix, `name:value` is a field when `name` is one (`fieldOf`), otherwise plain text.
 */
export function lexQuery(input: string, fieldOf: (name: string) => string | undefined): LexToken[] {
  if (input.length > MAX_QUERY_LENGTH)
    throw syntaxError('too_long', MAX_QUERY_LENGTH, { max: MAX_QUERY_LENGTH })
  const out: LexToken[] = []
  const n = input.length
  let i = 0
  while (i < n) {
    const ch = input[i]!
    if (SPACE.test(ch)) {
      i++
    } else if (ch === '(' || ch === ')') {
      out.push({ type: ch === '(' ? 'lparen' : 'rparen', pos: i })
      i++
    } else if (ch === '-' && i + 1 < n && !SPACE.test(input[i + 1]!) && input[i + 1] !== '-') {
      out.push({ type: 'not', pos: i, minus: true })
      i++
    } else if (ch === '=' && i + 1 < n && OPEN_QUOTES.has(input[i + 1]!)) {
      i = readQuoted(input, i + 1, i, true, out)
    } else if (OPEN_QUOTES.has(ch)) {
      i = readQuoted(input, i, i, false, out)
    } else {
      i = readBare(input, i, fieldOf, out)
    }
  }
  return out
}

function readQuoted(input: string, open: number, pos: number, exact: boolean, out: LexToken[]): number {
  let j = open + 1
  while (j < input.length && !CLOSE_QUOTES.has(input[j]!)) j++
  if (j >= input.length) throw syntaxError('unclosed_quote', open)
  const text = input.slice(open + 1, j)
  const prefix = input[j + 1] === '*'
  out.push({ type: 'word', pos, text, exact, prefix, quoted: true })
  return j + (prefix ? 2 : 1)
}

const isBareEnd = (c: string) => SPACE.test(c) || c === '(' || c === ')' || OPEN_QUOTES.has(c)

function readBare(input: string, start: number, fieldOf: (n: string) => string | undefined, out: LexToken[]) {
  let j = start
  while (j < input.length && !isBareEnd(input[j]!)) j++
  const raw = input.slice(start, j)
  const op = OPERATORS[raw.normalize('NFC')]
  if (op !== undefined) {
    out.push(op === 'not' ? { type: 'not', pos: start, minus: false } : { type: op, pos: start })
    return j
  }
  const near = NEAR.exec(raw)
  if (near) {
    out.push({ type: 'near', pos: start, distance: near[1] === undefined ? null : Number(near[1]), raw })
    return j
  }
  const field = FIELD.exec(raw)
  const name = field ? fieldOf(field[1]!) : undefined
  if (field && name !== undefined) return readFieldValue(input, start, field[0].length, name, out)
  const exact = raw.startsWith('=')
  const body = exact ? raw.slice(1) : raw
  const prefix = body.endsWith('*')
  out.push({
    type: 'word',
    pos: start,
    text: prefix ? body.slice(0, -1) : body,
    exact,
    prefix,
    quoted: false,
  })
  return j
}

function readFieldValue(input: string, start: number, nameLen: number, name: string, out: LexToken[]) {
  const v = start + nameLen
  const c = input[v]
  if (c === '(') {
    out.push({ type: 'field', pos: start, name, value: '', quoted: false, group: true })
    return v
  }
  if (c !== undefined && OPEN_QUOTES.has(c)) {
    let j = v + 1
    while (j < input.length && !CLOSE_QUOTES.has(input[j]!)) j++
    if (j >= input.length) throw syntaxError('unclosed_quote', v)
    out.push({ type: 'field', pos: start, name, value: input.slice(v + 1, j), quoted: true, group: false })
    return j + 1
  }
  let j = v
  while (j < input.length && !isBareEnd(input[j]!)) j++
  if (j === v) throw syntaxError('field_needs_value', start, { field: name })
  out.push({ type: 'field', pos: start, name, value: input.slice(v, j), quoted: false, group: false })
  return j
}
