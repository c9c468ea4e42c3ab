import { CLASS_WEIGHT, DIV_TO_P_ELEMS, RE } from './constants.js'
import { descendants, type Element, elementChildren, innerText, type Node } from './dom.js'

/** Extraction passes: strict first, each retry drops one rule (Readability's flags). */
export interface Flags {
  stripUnlikely: boolean
  weightClasses: boolean
  cleanConditionally: boolean
}

export const ALL_FLAGS: Readonly<Flags> = {
  stripUnlikely: true,
  weightClasses: true,
  cleanConditionally: true,
}

/** +25 for each of class and id that looks like content, −25 for each that looks like chrome. */
export function classWeight(el: Element, flags: Flags): number {
  if (!flags.weightClasses) return 0
  let w = 0
  for (const v of [el.attrs.class, el.attrs.id]) {
    if (!v) continue
    if (RE.negative.test(v)) w -= CLASS_WEIGHT
    if (RE.positive.test(v)) w += CLASS_WEIGHT
  }
  return w
}

/** Starting score by tag: containers of prose up, lists/forms/headings down. */
const TAG_SCORE: Record<string, number> = {
  div: 5,
  pre: 3,
  td: 3,
  blockquote: 3,
  address: -3,
  ol: -3,
  ul: -3,
  dl: -3,
  dd: -3,
  dt: -3,
  li: -3,
  form: -3,
  h1: -5,
  h2: -5,
  h3: -5,
  h4: -5,
  h5: -5,
  h6: -5,
  th: -5,
}

export function initializeNode(el: Element, flags: Flags): void {
  el.score = (TAG_SCORE[el.tag] ?? 0) + classWeight(el, flags)
}

export function isProbablyVisible(el: Element): boolean {
  const a = el.attrs
  if (a.style && (RE.displayNone.test(a.style) || RE.visibilityHidden.test(a.style))) return false
  if (a.hidden !== undefined) return false
  return a['aria-hidden'] !== 'true' || (a.class ?? '').includes('fallback-image')
}

const BR_HR = new Set(['br', 'hr'])

export function isElementWithoutContent(el: Element): boolean {
  if (innerText(el).length > 0) return false
  const kids = elementChildren(el)
  return kids.length === 0 || kids.length === descendants(el, BR_HR).length
}

/** Exactly one child element, with tag `tag`, and no non-blank text beside it. */
export function hasSingleTagInside(el: Element, tag: string): boolean {
  const kids = elementChildren(el)
  if (kids.length !== 1 || kids[0]!.tag !== tag) return false
  return !el.children.some((n) => n.type === 'text' && RE.hasContent.test(n.data))
}

export function hasChildBlockElement(el: Element): boolean {
  const stack: Node[] = [...el.children]
  while (stack.length > 0) {
    const n = stack.pop()!
    if (n.type !== 'el') continue
    if (DIV_TO_P_ELEMS.has(n.tag)) return true
    stack.push(...n.children)
  }
  return false
}

/** Share of tokens of `b` that also occur in `a`, by length (Readability's `_textSimilarity`). */
export function textSimilarity(a: string, b: string): number {
  const ta = a.toLowerCase().split(RE.tokenize).filter(Boolean)
  const tb = b.toLowerCase().split(RE.tokenize).filter(Boolean)
  if (ta.length === 0 || tb.length === 0) return 0
  const setA = new Set(ta)
  const uniqB = tb.filter((t) => !setA.has(t))
  return 1 - uniqB.join(' ').length / tb.join(' ').length
}
