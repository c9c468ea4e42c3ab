import { classAndId, descendants, type Element, innerText } from './dom.js'
import { findVnDate, parseDateValue } from './vn-date.js'

export interface PageDates {
  publishedAt: string | null
  updatedAt: string | null
}

/** A dateline is a short line; a date inside a long paragraph is about something else. */
const MAX_DATELINE_CHARS = 120
const DATE_HINT = /date|time|ngay|publish|post-?info|meta|thoi-?gian|byline|dateline/i
/**
 * Page chrome shows today's date in the top bar: never read dates there. Matched per class/id token,
 * so `header-content` (an article's header) is not chrome but `site-header` is.
 */
const CHROME =
  /^(site-?|page-?|main-?|global-?)?(header|footer|top-?bar|menu|nav|navbar|navigation|weather|thoi-?tiet|calendar)(-?(site|top|main|wrap|wrapper|container|bar|inner))?$/i
const TOKENS = /\s+/
const CHROME_TAGS = new Set(['header', 'footer', 'nav', 'aside'])
const UPDATED = /cập nhật|updated|modified|sửa đổi/i
const TIME_TAGS = new Set(['time'])
const HINT_DEPTH = 3

function inChrome(el: Element): boolean {
  for (let p: Element | null = el; p; p = p.parent) {
    if (
      CHROME_TAGS.has(p.tag) ||
      classAndId(p)
        .split(TOKENS)
        .some((t) => CHROME.test(t))
    )
      return true
  }
  return false
}

function hinted(el: Element): boolean {
  let p: Element | null = el
  for (let i = 0; p && i < HINT_DEPTH; i++, p = p.parent) if (DATE_HINT.test(classAndId(p))) return true
  return false
}

/** Short text blocks that contain a date, in document order: the leaves that own a text node. */
function datelineCandidates(body: Element): Element[] {
  const seen = new Set<Element>()
  const out: Element[] = []
  for (const el of descendants(body)) {
    if (!el.children.some((c) => c.type === 'text' && c.data.trim().length > 0)) continue
    // A dateline often wraps its parts in spans: read the smallest block around the text.
    const block = el.parent && innerText(el.parent).length <= MAX_DATELINE_CHARS ? el.parent : el
    if (seen.has(block) || innerText(block).length > MAX_DATELINE_CHARS) continue
    seen.add(block)
    out.push(block)
  }
  return out
}

/**
 * Published and updated dates written in the page: `<time datetime>` first, then datelines such as
 * "Ngày 16/05/2019 10:32:36" or "Cập nhật lúc 08:15 ngày 01/03/2024". Lines with a date hint in
 * their class or with a time beat bare dates; lines in headers, menus and footers are ignored.
 */
export function findPageDates(body: Element): PageDates {
  const result: PageDates = { publishedAt: null, updatedAt: null }
  for (const t of descendants(body, TIME_TAGS)) {
    if (inChrome(t)) continue
    const iso = parseDateValue(t.attrs.datetime) ?? parseDateValue(innerText(t))
    if (iso && !result.publishedAt) result.publishedAt = iso
  }
  let best: { score: number; iso: string } | null = null
  for (const block of datelineCandidates(body)) {
    const text = innerText(block)
    const found = findVnDate(text)
    if (!found || inChrome(block)) continue
    const iso = found.date.toISOString()
    if (UPDATED.test(text.slice(0, found.start + 1))) {
      result.updatedAt ??= iso
      continue
    }
    const score = 1 + (found.hasTime ? 1 : 0) + (hinted(block) ? 2 : 0)
    if (!best || score > best.score) best = { score, iso }
  }
  result.publishedAt ??= best?.iso ?? null
  return result
}
