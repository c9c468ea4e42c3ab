import { classAndId, descendants, type Element, innerText, linkDensity } from './dom.js'

/** Class/id names of the sapo / standfirst on Vietnamese and foreign news sites. */
const SAPO =
  /(^|[\s_-])(sapo|chapeau|lead|lede|standfirst|summary|description|desc|excerpt|intro|dek|tom-?tat|teaser|subtitle|sub-?title)([\s_-]|$)/i
/**
 * Vietnamese CMS names for the sapo. Only these are put back in front of the body when the article
 * block left them out: English "lead"/"summary" boxes are too often teasers for other stories.
 */
const VN_SAPO = /sapo|chapeau|tom-?tat/i
export const isVnSapo = (el: Element): boolean => VN_SAPO.test(classAndId(el))
const SAPO_TAGS = new Set([
  'p',
  'div',
  'h2',
  'h3',
  'h4',
  'span',
  'strong',
  'b',
  'em',
  'section',
  'blockquote',
])
/** A sapo is one or two sentences: shorter is a label, longer is the article itself. */
const MIN_LEAD_CHARS = 30
const MAX_LEAD_CHARS = 1000
/** A sapo may link a name or two, but is not a link list. */
const MAX_LEAD_LINK_DENSITY = 0.3
/** A paragraph whose text is this much bold is a bold sapo. */
const BOLD_SHARE = 0.9
const BOLD = new Set(['strong', 'b'])
const P = new Set(['p'])

const fits = (el: Element) => {
  const n = innerText(el).length
  return n >= MIN_LEAD_CHARS && n <= MAX_LEAD_CHARS && linkDensity(el) <= MAX_LEAD_LINK_DENSITY
}

/** The page's sapo element (`.sapo`, `.lead`, `.description`…), read before any cleaning. */
export function findSapoElement(body: Element): Element | null {
  for (const el of descendants(body, SAPO_TAGS)) {
    if (SAPO.test(classAndId(el)) && fits(el)) return el
  }
  return null
}

/** A first paragraph set entirely in bold, the usual sapo on Vietnamese portals. */
export function findBoldLead(content: Element): string | null {
  const first = descendants(content, P).find((p) => innerText(p) !== '')
  if (!first || !fits(first)) return null
  let bold = 0
  for (const b of descendants(first, BOLD))
    if (!b.parent || !BOLD.has(b.parent.tag)) bold += innerText(b).length
  return bold / innerText(first).length >= BOLD_SHARE ? cleanLead(innerText(first)) : null
}

/** Normalises a lead: one line, whitespace collapsed. */
export function cleanLead(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}
