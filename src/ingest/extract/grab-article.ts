import {
  ALTER_TO_DIV_EXCEPTIONS,
  ALTERNATIVE_SCORE_RATIO,
  MIN_SCORED_TEXT,
  MIN_TOP_CANDIDATES,
  N_TOP_CANDIDATES,
  RE,
  SCORE_ANCESTOR_DEPTH,
  SIBLING_MAX_LINK_DENSITY,
  SIBLING_MIN_SCORE,
  SIBLING_PARAGRAPH_CHARS,
  SIBLING_SCORE_RATIO,
} from './constants.js'
import {
  ancestors,
  appendChild,
  createElement,
  type Element,
  elementChildren,
  innerText,
  linkDensity,
} from './dom.js'
import { type Flags, initializeNode } from './scoring.js'

/** Score each block by its commas and length, and spread the score to its ancestors. */
function scoreBlocks(toScore: Element[], flags: Flags, counts: BlockCounts): Element[] {
  const candidates: Element[] = []
  for (const el of toScore) {
    if (!el.parent) continue
    const text = innerText(el)
    if (text.length < MIN_SCORED_TEXT) continue
    const ups = ancestors(el, SCORE_ANCESTOR_DEPTH)
    if (ups.length === 0) continue
    const density = linkDensity(el)
    if (density >= PROSE_MAX_LINK_DENSITY) counts.links++
    else if (text.length >= SIBLING_PARAGRAPH_CHARS) counts.prose++
    // One point for the block, one per comma-separated part, one per 100 chars (up to 3).
    const score = 1 + text.split(RE.commas).length + Math.min(Math.floor(text.length / 100), 3)
    ups.forEach((up, level) => {
      // The root element is never the article (Readability skips nodes whose parent is the document).
      if (!up.parent || up.parent.tag === '#document') return
      if (up.score === undefined) {
        initializeNode(up, flags)
        candidates.push(up)
      }
      const divider = level === 0 ? 1 : level === 1 ? 2 : level * 3
      up.score! += score / divider
    })
  }
  return candidates
}

function topCandidates(candidates: Element[]): Element[] {
  const top: Element[] = []
  for (const c of candidates) {
    // Good content has few links: scale by the share of non-link text.
    c.score = c.score! * (1 - linkDensity(c))
    for (let t = 0; t < N_TOP_CANDIDATES; t++) {
      const other = top[t]
      if (!other || c.score > other.score!) {
        top.splice(t, 0, c)
        if (top.length > N_TOP_CANDIDATES) top.pop()
        break
      }
    }
  }
  return top
}

/** When several near-top candidates share an ancestor, the article is that ancestor. */
function commonAncestor(top: Element[], page: Element): Element {
  let best = top[0]!
  const alternatives = top
    .slice(1)
    .filter((c) => c.score! / best.score! >= ALTERNATIVE_SCORE_RATIO)
    .map((c) => new Set(ancestors(c)))
  if (alternatives.length < MIN_TOP_CANDIDATES) return best
  for (let p = best.parent; p && p !== page; p = p.parent) {
    let n = 0
    for (const set of alternatives) if (set.has(p)) n++
    if (n >= MIN_TOP_CANDIDATES) {
      best = p
      break
    }
  }
  return best
}

/** Climbs while a parent scores higher, then past single-child wrappers. */
function climb(start: Element, page: Element, flags: Flags): Element {
  let top = start
  if (top.score === undefined) initializeNode(top, flags)
  let lastScore = top.score!
  const threshold = lastScore / 3
  for (let p = top.parent; p && p !== page; p = p.parent) {
    if (p.score === undefined) continue
    if (p.score < threshold) break
    if (p.score > lastScore) {
      top = p
      break
    }
    lastScore = p.score
  }
  for (let p = top.parent; p && p !== page && elementChildren(p).length === 1; p = p.parent) top = p
  if (top.score === undefined) initializeNode(top, flags)
  return top
}

function siblingBelongs(sib: Element, top: Element, threshold: number): boolean {
  if (sib === top) return true
  const cls = top.attrs.class ?? ''
  const bonus = cls !== '' && sib.attrs.class === cls ? top.score! * SIBLING_SCORE_RATIO : 0
  if (sib.score !== undefined && sib.score + bonus >= threshold) return true
  if (sib.tag !== 'p') return false
  const density = linkDensity(sib)
  const text = innerText(sib)
  if (text.length > SIBLING_PARAGRAPH_CHARS && density < SIBLING_MAX_LINK_DENSITY) return true
  return text.length < SIBLING_PARAGRAPH_CHARS && text.length > 0 && density === 0 && /\.( |$)/.test(text)
}

interface BlockCounts {
  /** Scored blocks that are mostly a link (headlines on a home page). */
  links: number
  /** Scored blocks that read as paragraphs: long enough, few links. */
  prose: number
}

/** A block whose text is at least half links is a headline link, not prose. */
const PROSE_MAX_LINK_DENSITY = 0.5

export interface Grabbed {
  content: Element
  /** Headline links and no paragraph: a home or listing page, not an article. */
  onlyLinks: boolean
}

/**
 * Picks the element holding the article and returns a new `div` with it and the siblings that belong
 * to it (preambles, parts split by removed ads).
 */
export function grabArticle(page: Element, toScore: Element[], flags: Flags): Grabbed {
  const counts: BlockCounts = { links: 0, prose: 0 }
  const top = topCandidates(scoreBlocks(toScore, flags, counts))
  const content = createElement('div')
  const onlyLinks = counts.links > 0 && counts.prose === 0
  if (top.length === 0 || top[0] === page) {
    for (const c of [...page.children]) appendChild(content, c)
    return { content, onlyLinks }
  }
  const best = climb(commonAncestor(top, page), page, flags)
  const parent = best.parent!
  const threshold = Math.max(SIBLING_MIN_SCORE, best.score! * SIBLING_SCORE_RATIO)
  for (const sib of elementChildren(parent)) {
    if (!siblingBelongs(sib, best, threshold)) continue
    if (!ALTER_TO_DIV_EXCEPTIONS.has(sib.tag)) sib.tag = 'div'
    appendChild(content, sib)
  }
  return { content, onlyLinks }
}
