import { removeBoilerplateSections } from './boilerplate.js'
import { cleanArticle } from './clean-article.js'
import { CHAR_THRESHOLD } from './constants.js'
import { type Element, innerText } from './dom.js'
import { type Grabbed, grabArticle } from './grab-article.js'
import { type ParsedPage, parseHtml } from './parse-html.js'
import { replaceBrs, unwrapNoscriptImages } from './prep-document.js'
import { prepWalk, type WalkState } from './prep-walk.js'
import { ALL_FLAGS, type Flags } from './scoring.js'

/** Strict first; each retry drops one rule, as Readability does when too little text was found. */
const PASSES: readonly Flags[] = [
  ALL_FLAGS,
  { stripUnlikely: false, weightClasses: true, cleanConditionally: true },
  { stripUnlikely: false, weightClasses: false, cleanConditionally: true },
  { stripUnlikely: false, weightClasses: false, cleanConditionally: false },
]

export interface FoundArticle {
  content: Element
  /** Byline taken out of the page (class "byline"/"author"…) when metadata named none. */
  byline: string | null
  passes: number
  /** See `Grabbed.onlyLinks`. */
  onlyLinks: boolean
}

function onePass(page: ParsedPage, state: WalkState): Grabbed {
  unwrapNoscriptImages(page.body)
  replaceBrs(page.body)
  const toScore = prepWalk(page.body, state)
  const grabbed = grabArticle(page.body, toScore, state.flags)
  const content = grabbed.content
  // After the pick, so scoring sees the page as Readability does; before cleaning, so labels still
  // head their boxes.
  removeBoilerplateSections(content)
  cleanArticle(content, state.flags)
  return grabbed
}

/**
 * Finds the article block: prepare, score, pick, clean; retried on a fresh parse with looser rules
 * while the result is shorter than CHAR_THRESHOLD, keeping the longest result.
 */
export function findArticle(
  first: ParsedPage,
  html: string,
  title: string,
  bylineKnown: boolean,
): FoundArticle {
  const state: WalkState = { title, flags: ALL_FLAGS, bylineKnown, byline: null }
  let best: { content: Element; length: number; onlyLinks: boolean } | null = null
  let passes = 0
  for (const flags of PASSES) {
    const page = passes === 0 ? first : parseHtml(html)
    passes++
    state.flags = flags
    const { content, onlyLinks } = onePass(page, state)
    const length = innerText(content).length
    if (!best || length > best.length) best = { content, length, onlyLinks }
    if (length >= CHAR_THRESHOLD) break
  }
  return { content: best!.content, byline: state.byline, passes, onlyLinks: best!.onlyLinks }
}
