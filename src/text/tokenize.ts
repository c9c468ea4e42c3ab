import { CC, charClasses } from './char-class.js'

export type TokenKind = 'word' | 'number' | 'punct' | 'symbol'

export interface Token {
  text: string
  /** UTF-16 offsets into the input: `input.slice(start, end) === text` */
  start: number
  end: number
  kind: TokenKind
}

/** Characters allowed between digits inside one number: 1.234,5 · 16.5.2019 · 13/3/2019 · 10:30. */
const NUMBER_SEPARATORS = new Set(['.', ',', '/', ':'])
/** Apostrophes kept inside a word when letters follow (English "don't", "Xi’an"). */
const APOSTROPHES = new Set(["'", '\u2019'])

const isAlnum = (c: number) => c === CC.letter || c === CC.digit || c === CC.mark

/**
 * Splits text into syllables/words, numbers, punctuation and symbols, with offsets. Vietnamese
 * syllables are space-separated, so a word token is one syllable (or one foreign word); letters and
 * digits together stay one token (`H5N1`, `U23`); numbers keep their separators (`1.234,5`, `2019`,
 * `16.5.2019`); `...` stays one token; every other punctuation mark is its own token.
 */
export function tokenize(text: string): Token[] {
  const cls = charClasses()
  const n = text.length
  const out: Token[] = []
  let i = 0
  while (i < n) {
    const c = cls[text.charCodeAt(i)]!
    if (c === CC.space || c === CC.invisible) {
      i++
      continue
    }
    let j = i + 1
    let kind: TokenKind = 'symbol'
    if (c === CC.digit) {
      j = scanNumber(text, i, cls)
      kind = 'number'
      if (j < n && isAlnum(cls[text.charCodeAt(j)]!)) {
        j = scanWord(text, j, cls)
        kind = 'word'
      }
    } else if (c === CC.letter || c === CC.mark) {
      j = scanWord(text, i, cls)
      kind = 'word'
    } else if (c === CC.punct) {
      kind = 'punct'
      if (text.startsWith('...', i)) j = i + 3
      while (j < n && text[j] === '.' && text[i] === '.') j++
    } else if (c === CC.surrogate && i + 1 < n) {
      j = i + 2
    }
    out.push({ text: text.slice(i, j), start: i, end: j, kind })
    i = j
  }
  return out
}

function scanNumber(text: string, i: number, cls: Uint8Array): number {
  const n = text.length
  let j = i
  for (;;) {
    while (j < n && cls[text.charCodeAt(j)] === CC.digit) j++
    if (j + 1 < n && NUMBER_SEPARATORS.has(text[j]!) && cls[text.charCodeAt(j + 1)] === CC.digit) j++
    else return j
  }
}

function scanWord(text: string, i: number, cls: Uint8Array): number {
  const n = text.length
  let j = i
  for (;;) {
    while (j < n && isAlnum(cls[text.charCodeAt(j)]!)) j++
    if (j + 1 < n && APOSTROPHES.has(text[j]!) && cls[text.charCodeAt(j + 1)] === CC.letter) j++
    else return j
  }
}
