import { foldText } from '../text/fold.js'
import { normalizeText } from '../text/normalize.js'
import type { TextNode } from './query/ast.js'

/** Words shown around the best passage: about two lines of a result list. */
export const SNIPPET_WORDS = 32

const WORD = /[\p{L}\p{N}\p{M}]+/gu
const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!)

type WordTest = (exact: string, folded: string) => boolean

/** One test per query word, under the same rules as matching (exact or folded, prefix for the last). */
export function highlightTests(leaves: readonly TextNode[]): WordTest[] {
  const tests: WordTest[] = []
  for (const leaf of leaves) {
    leaf.words.forEach((w, i) => {
      const prefix = leaf.prefix && i === leaf.words.length - 1
      const want = w.useExact ? w.exact : w.folded
      tests.push((exact, folded) => {
        const have = w.useExact ? exact : folded
        return prefix ? have.startsWith(want) : have === want
      })
    })
  }
  return tests
}

interface Span {
  start: number
  end: number
  hit: boolean
}

/**
 * The words of a text and whether each matches. A text repeats its words: each distinct spelling is
 * lower-cased, folded and tested once: a result page's 20 snippets took 5–25 ms (one fold per word
 * and query word), now under 3 ms.
 */
function spans(text: string, tests: readonly WordTest[]): Span[] {
  const out: Span[] = []
  const seen = new Map<string, boolean>()
  for (const m of text.matchAll(WORD)) {
    let hit = seen.get(m[0])
    if (hit === undefined) {
      const exact = m[0].toLowerCase()
      const folded = foldText(exact)
      hit = tests.some((t) => t(exact, folded))
      seen.set(m[0], hit)
    }
    out.push({ start: m.index, end: m.index + m[0].length, hit })
  }
  return out
}

function render(text: string, words: Span[], from: number, to: number): string {
  let out = ''
  let at = words[from]?.start ?? 0
  for (let i = from; i < to; i++) {
    const w = words[i]!
    out += escapeHtml(text.slice(at, w.start))
    out += w.hit
      ? `<mark>${escapeHtml(text.slice(w.start, w.end))}</mark>`
      : escapeHtml(text.slice(w.start, w.end))
    at = w.end
  }
  return out
}

/** The whole text (a title) HTML-escaped, with matched words in `<mark>`. */
export function highlightAll(raw: string, tests: readonly WordTest[]): string {
  const text = normalizeText(raw)
  const words = spans(text, tests)
  return render(text, words, 0, words.length) + escapeHtml(text.slice(words.at(-1)?.end ?? 0))
}

/**
 * The passage of `SNIPPET_WORDS` words holding the most matched words, HTML-escaped, matches in
 * `<mark>`, with `…` where text was cut. Safe to insert into a page as is.
 */
export function snippet(raw: string, tests: readonly WordTest[], size = SNIPPET_WORDS): string {
  const text = normalizeText(raw)
  const words = spans(text, tests)
  if (words.length === 0) return ''
  let best = 0
  let bestHits = -1
  let hits = 0
  for (let i = 0; i < words.length; i++) {
    if (words[i]!.hit) hits++
    if (i >= size && words[i - size]!.hit) hits--
    if (hits > bestHits) {
      bestHits = hits
      best = Math.max(0, i - size + 1)
    }
  }
  // start a little before the first hit so it is read in context
  const firstHit = words.slice(best, best + size).findIndex((w) => w.hit)
  const from = firstHit > 4 ? best + firstHit - 4 : best
  const to = Math.min(words.length, from + size)
  return `${from > 0 ? '… ' : ''}${render(text, words, from, to)}${to < words.length ? ' …' : ''}`
}
