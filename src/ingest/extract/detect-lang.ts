/**
 * Cheap language guess for extraction: the page's declared language, unless its text plainly says
 * otherwise (Vietnamese sites often keep a theme's `lang="en"`). The full detector lives elsewhere.
 */
const VI_LETTERS = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/giu
const LETTERS = /\p{L}/gu
const EN_STOPWORDS = new Set(
  'the and of to in is that for on with was as by it at from are this be have'.split(' '),
)
/** Share of letters that are Vietnamese-only from which a text is Vietnamese (~8% in prose, 0 in English). */
const VI_LETTER_SHARE = 0.02
/** Share of tokens that are common English function words from which a text is English (~25% in prose). */
const EN_STOPWORD_SHARE = 0.08
/** Enough text to decide; more only costs time. */
const SAMPLE_CHARS = 3000
const MIN_LETTERS = 20

function normalizeCode(code: string | null | undefined): string | null {
  const m = code
    ?.trim()
    .toLowerCase()
    .match(/^([a-z]{2,3})(?:[-_].*)?$/)
  return m ? m[1]! : null
}

export function guessLangFromText(text: string): string | null {
  const sample = text.slice(0, SAMPLE_CHARS)
  const letters = sample.match(LETTERS)?.length ?? 0
  if (letters < MIN_LETTERS) return null
  const vi = sample.match(VI_LETTERS)?.length ?? 0
  if (vi / letters >= VI_LETTER_SHARE) return 'vi'
  const tokens = sample
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter(Boolean)
  const en = tokens.filter((t) => EN_STOPWORDS.has(t)).length
  return tokens.length > 0 && en / tokens.length >= EN_STOPWORD_SHARE ? 'en' : null
}

export function detectLang(declared: (string | null | undefined)[], text: string): string | null {
  const code = declared.map(normalizeCode).find((c) => c !== null) ?? null
  const guessed = guessLangFromText(text)
  if (guessed === 'vi' && code !== 'vi') return 'vi'
  return code ?? guessed
}
