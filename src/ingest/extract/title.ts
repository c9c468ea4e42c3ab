import { descendants, type Element, innerText } from './dom.js'

const SEPARATOR = / [|\-\\/>»–—] /
const SEPARATORS = / [|\-\\/>»–—] /g
const HIERARCHICAL = / [\\/>»] /
const LEADING_PART = /^[^|\-\\/>»–—]*[|\-\\/>»–—]/
const SEPARATOR_CHARS = /[|\-\\/>»–—]+/g
const MULTI_SPACE = /\s{2,}/g
/** Titles shorter or longer than this are probably not the headline alone (Readability's bounds). */
const MIN_TITLE_CHARS = 15
const MAX_TITLE_CHARS = 150
/** A title of this many words or fewer after cutting lost too much: keep the original. */
const MIN_TITLE_WORDS = 4
const H1 = new Set(['h1'])
const H1_H2 = new Set(['h1', 'h2'])

const wordCount = (s: string) => s.split(/\s+/).filter(Boolean).length

/**
 * The headline from the document `<title>`, without the site name around it ("Headline - Site",
 * "Site | Section » Headline"), as Readability's `_getArticleTitle` does.
 */
export function titleFromDocument(docTitle: string, body: Element): string {
  const orig = docTitle.trim().replace(MULTI_SPACE, ' ')
  let cur = orig
  let hierarchical = false
  if (SEPARATOR.test(cur)) {
    hierarchical = HIERARCHICAL.test(cur)
    const all = [...orig.matchAll(SEPARATORS)]
    cur = orig.slice(0, all[all.length - 1]!.index)
    if (wordCount(cur) < 3) cur = orig.replace(LEADING_PART, '')
  } else if (cur.includes(': ')) {
    const headings = descendants(body, H1_H2)
    if (!headings.some((h) => innerText(h) === cur)) {
      cur = orig.slice(orig.lastIndexOf(':') + 1)
      if (wordCount(cur) < 3) cur = orig.slice(orig.indexOf(':') + 1)
      else if (wordCount(orig.slice(0, orig.indexOf(':'))) > 5) cur = orig
    }
  } else if (cur.length > MAX_TITLE_CHARS || cur.length < MIN_TITLE_CHARS) {
    const h1s = descendants(body, H1)
    if (h1s.length === 1) cur = innerText(h1s[0]!)
  }
  cur = cur.trim().replace(MULTI_SPACE, ' ')
  const n = wordCount(cur)
  if (n <= MIN_TITLE_WORDS && (!hierarchical || n !== wordCount(orig.replace(SEPARATOR_CHARS, '')) - 1)) {
    cur = orig
  }
  return cur
}

/**
 * Metadata title first; else the cleaned `<title>`; when that is only the site's name (portals often
 * title every page with it), the single `<h1>` of the page.
 */
export function chooseTitle(
  metaTitle: string | null,
  docTitle: string,
  body: Element,
  siteName: string | null,
): string {
  if (metaTitle) return metaTitle.replace(MULTI_SPACE, ' ')
  const fromDoc = titleFromDocument(docTitle, body)
  const h1s = descendants(body, H1)
  const isSiteName = !fromDoc || (siteName !== null && fromDoc.toLowerCase() === siteName.toLowerCase())
  if (isSiteName && h1s.length === 1) return innerText(h1s[0]!)
  return fromDoc
}
