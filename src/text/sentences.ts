import { CC, charClasses } from './char-class.js'

export interface SentenceSpan {
  text: string
  /** UTF-16 offsets into the input */
  start: number
  end: number
}

/**
 * Words that end with a dot without ending the sentence (matched case-sensitively, on the whole
 * token before the dot or its last dot-separated part: `PGS.TS.`, `TP.`, `U.S.`). Single capital
 * letters (initials, `Q.`, `P.`) are handled by rule.
 */
const ABBREVIATIONS = new Set([
  // Vietnamese: places, titles, degrees, documents
  ...['TP', 'Tp', 'tp', 'TX', 'Tx', 'TT', 'Tt', 'TTr', 'QL', 'ĐT', 'Đ', 'Ng', 'Th', 'Tr', 'tr', 'Nxb', 'NXB'],
  ...[
    'GS',
    'PGS',
    'TS',
    'ThS',
    'Ths',
    'BS',
    'BSCKI',
    'BSCKII',
    'KS',
    'CN',
    'LS',
    'NSND',
    'NSƯT',
    'NGND',
    'NGƯT',
  ],
  ...['SĐT', 'ĐC', 'Đc', 'đc', 'tel', 'Tel', 'Fax', 'fax', 'Tk', 'tk'],
  // English and Latin
  ...[
    'Mr',
    'Mrs',
    'Ms',
    'Dr',
    'Prof',
    'Sr',
    'Jr',
    'St',
    'Mt',
    'Ft',
    'Gen',
    'Col',
    'Lt',
    'Sgt',
    'Capt',
    'Gov',
  ],
  ...[
    'Sen',
    'Rep',
    'Rev',
    'Hon',
    'vs',
    'etc',
    'No',
    'Nos',
    'Co',
    'Inc',
    'Ltd',
    'Corp',
    'Dept',
    'Univ',
    'Ave',
  ],
  ...['Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec', 'approx', 'est'],
  ...['e.g', 'i.e', 'cf', 'al', 'p', 'pp', 'vol', 'Vol', 'ed', 'Ed', 'fig', 'Fig'],
])

/** Characters that close a sentence-final quotation or bracket and belong to that sentence. */
const CLOSERS = new Set(['"', "'", '\u201d', '\u2019', '\u00bb', ')', ']', '}', '\u203a'])
const TERMINATORS = new Set(['.', '!', '?', '\u2026'])

/**
 * Splits text into sentences. A `.`, `!`, `?`, `…` or `...` (with any closing quotes or brackets
 * right after it) ends a sentence when whitespace and then something other than a lowercase letter
 * follow. A dot does not end one after a known abbreviation (`TP.`, `PGS.TS.`, `Mr.`, `U.S.`) or a
 * single capital letter (`Q. 1`, `Nguyễn V. A`); dots inside numbers (`1.234,5`, `16.5.2019`) and
 * words (`TP.HCM`) never do, since no space follows. A line break always ends a sentence.
 */
export function splitSentences(text: string): SentenceSpan[] {
  const out: SentenceSpan[] = []
  const n = text.length
  let start = 0
  const push = (end: number) => {
    let s = start
    let e = end
    while (s < e && isSpace(text.charCodeAt(s))) s++
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--
    if (e > s) out.push({ text: text.slice(s, e), start: s, end: e })
    start = end
  }
  for (let i = 0; i < n; i++) {
    const ch = text[i]!
    if (ch === '\n' || ch === '\r' || ch === '\u2029') {
      push(i)
      continue
    }
    if (!TERMINATORS.has(ch)) continue
    let e = i + 1
    while (e < n && TERMINATORS.has(text[e]!)) e++
    while (e < n && CLOSERS.has(text[e]!)) e++
    if (isBoundary(text, i, e)) {
      push(e)
      i = e - 1
    }
  }
  push(n)
  return out
}

/** Convenience: the sentence texts only. */
export const sentences = (text: string): string[] => splitSentences(text).map((s) => s.text)

function isSpace(code: number): boolean {
  return charClasses()[code] === CC.space
}

/** Is there a boundary after the terminator run text[at..end)? */
function isBoundary(text: string, at: number, end: number): boolean {
  if (end >= text.length) return true
  if (!isSpace(text.charCodeAt(end))) return false
  let k = end
  while (k < text.length && isSpace(text.charCodeAt(k)) && text[k] !== '\n') k++
  if (k >= text.length || text[k] === '\n') return true
  const next = text[k]!
  if (next !== next.toUpperCase() && next === next.toLowerCase()) return false // lowercase letter follows
  const single = end - at === 1 || (end > at + 1 && CLOSERS.has(text[at + 1]!))
  if (text[at] === '.' && single) return !isAbbreviation(text, at)
  return true
}

/** The token right before the dot at `dot` (letters and inner dots back to a space). */
function isAbbreviation(text: string, dot: number): boolean {
  let s = dot
  while (s > 0) {
    const c = text[s - 1]!
    const cls = charClasses()[text.charCodeAt(s - 1)]
    if (c === '.' || cls === CC.letter || cls === CC.mark) s--
    else break
  }
  const token = text.slice(s, dot)
  if (token === '') return false
  if (ABBREVIATIONS.has(token)) return true
  const last = token.slice(token.lastIndexOf('.') + 1)
  if (ABBREVIATIONS.has(last)) return true
  // an initial: one capital letter (Q. 1, Nguyễn V. A, U.S.)
  return last.length === 1 && last !== last.toLowerCase()
}
