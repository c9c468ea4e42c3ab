import { type Element, innerText, removeNode } from './dom.js'
import { leafBlocks } from './post-clean.js'

/** Only the first and last few blocks can be datelines or bylines. */
const EDGE_BLOCKS = 3
/** After the date, time and zone are cut out, a dateline has at most this many words ("Updated", "Published on"). */
const DATELINE_MAX_WORDS = 3
/** A byline is short: "By Jane Doe and John Roe, Reuters". */
const MAX_BYLINE_CHARS = 80
const MAX_BYLINE_WORDS = 8

const MONTH = String.raw`(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?`
/** `18 Jan 2026`, `January 18, 2026`, `2026-01-18`, `18/01/2026`, with an optional weekday. */
const DATE = new RegExp(
  String.raw`(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?(?:\d{1,2}\s+${MONTH},?\s+\d{4}|${MONTH}\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?|\d{1,2}[/.]\d{1,2}[/.]\d{4})`,
  'iu',
)
/** A clock time with an optional meridiem and zone: `01:17 UTC`, `4:17 PM ICT`, `(GMT+7)`. */
const TIME_AND_ZONE =
  /\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?|\(?\b(?:utc|gmt|ict|[a-z]{2,4}t)\b(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?\)?/giu
const BYLINE = /^by\s+\S/iu

/** Whether a block of a foreign-language page is only a date stamp ("18 Jan 2026 01:17 UTC"). */
export function isForeignDateline(text: string): boolean {
  const m = DATE.exec(text)
  if (!m) return false
  const rest = (text.slice(0, m.index) + text.slice(m.index + m[0].length)).replace(TIME_AND_ZONE, ' ')
  return rest.split(/[^\p{L}\p{N}]+/u).filter(Boolean).length <= DATELINE_MAX_WORDS
}

/** The name(s) of a "By …" line, or null when the block is not a byline. */
export function bylineOf(text: string): string | null {
  const t = text.trim()
  if (!BYLINE.test(t) || t.length > MAX_BYLINE_CHARS || /[.!?;:]$/.test(t)) return null
  const names = t.replace(/^by\s+/iu, '')
  return names.split(/\s+/).length <= MAX_BYLINE_WORDS ? names : null
}

/**
 * Edge cleaning for pages not in Vietnamese, whose article container holds its own credit (a wire
 * release: "By APW Newsdesk" at the foot): a closing "By …" line goes and names the author. Date
 * stamps stay in the body (readers and Readability keep them); near-duplicate fingerprints leave
 * them out instead (`withoutDatelineEdges`), so two reprints of one release compare on their text.
 */
export function cleanForeignEdges(content: Element): { author: string | null } {
  const blocks = leafBlocks(content)
  const last = blocks[blocks.length - 1]
  const author = last && blocks.length > 1 ? bylineOf(innerText(last)) : null
  if (author && last) removeNode(last)
  return { author }
}

/** A body without the date-only lines among its first and last few lines: what reprints share. */
export function withoutDatelineEdges(text: string): string {
  const lines = text.split('\n')
  const content = lines.flatMap((l, i) => (l.trim() ? [i] : []))
  const edges = new Set([...content.slice(0, EDGE_BLOCKS), ...content.slice(-EDGE_BLOCKS)])
  if (content.length < 2) return text
  return lines.filter((l, i) => !(edges.has(i) && isForeignDateline(l))).join('\n')
}
