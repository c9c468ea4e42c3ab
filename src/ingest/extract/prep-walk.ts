import { HEADINGS, RE, TAGS_TO_SCORE, UNLIKELY_ROLES } from './constants.js'
import {
  appendChild,
  classAndId,
  createElement,
  descendants,
  type Element,
  elementChildren,
  hasAncestorTag,
  innerText,
  linkDensity,
  nextElement,
  removeAndNext,
  removeNode,
  replaceNode,
  textContent,
} from './dom.js'
import { isPhrasing, isWhitespace } from './prep-document.js'
import {
  type Flags,
  hasChildBlockElement,
  hasSingleTagInside,
  isElementWithoutContent,
  isProbablyVisible,
  textSimilarity,
} from './scoring.js'

export interface WalkState {
  title: string
  flags: Flags
  /** Set when metadata already names the author: then no byline node is taken out of the page. */
  bylineKnown: boolean
  byline: string | null
}

/** A `<div>` holding only one real paragraph is that paragraph (when it is not a link list). */
const DIV_AS_P_MAX_LINK_DENSITY = 0.25
/** A byline is a short line; longer "author" blocks are author bios, kept as text. */
const MAX_BYLINE_CHARS = 100
/** A heading this similar to the title repeats it and is dropped from the body. */
const TITLE_SIMILARITY = 0.75
const ARTICLE_SIGNS = new Set(['h1', 'p'])
/** Comment threads and related boxes hold long paragraphs too, but never the article. */
const NEVER_ARTICLE = /comment|disqus|replies|related|footer|binh-?luan|lien-?quan|tin-?khac/i
/** Paragraphs this long and this many make a block an article column, whatever its class says. */
const ARTICLE_PARAGRAPH_CHARS = 150
const ARTICLE_PARAGRAPHS = 4
const EMPTY_CONTAINERS = new Set(['div', 'section', 'header', ...HEADINGS])

function isByline(el: Element, match: string): boolean {
  const len = textContent(el).trim().length
  const itemprop = el.attrs.itemprop ?? ''
  const flagged = el.attrs.rel === 'author' || itemprop.includes('author') || RE.byline.test(match)
  return flagged && len > 0 && len < MAX_BYLINE_CHARS
}

function bylineText(el: Element): string {
  const end = nextElement(el, true)
  for (let n = nextElement(el); n && n !== end; n = nextElement(n)) {
    if ((n.attrs.itemprop ?? '').includes('name')) return textContent(n).trim()
  }
  return textContent(el).trim()
}

/**
 * A "sidebar" or "header" that holds the page's headline and long paragraphs is a misnamed article
 * column (some Vietnamese news templates call the main column `sidebar-1`).
 */
function holdsArticle(el: Element, match: string): boolean {
  if (NEVER_ARTICLE.test(match)) return false
  let long = 0
  let headline = false
  for (const d of descendants(el, ARTICLE_SIGNS)) {
    if (d.tag === 'h1') headline = true
    else if (innerText(d).length >= ARTICLE_PARAGRAPH_CHARS) long++
  }
  return headline && long >= ARTICLE_PARAGRAPHS
}

function isUnlikely(el: Element, match: string, flags: Flags): boolean {
  if (!flags.stripUnlikely) return false
  if (UNLIKELY_ROLES.has(el.attrs.role ?? '')) return true
  return (
    RE.unlikely.test(match) &&
    !RE.okMaybe.test(match) &&
    !hasAncestorTag(el, 'table') &&
    !hasAncestorTag(el, 'code') &&
    el.tag !== 'body' &&
    el.tag !== 'a' &&
    !holdsArticle(el, match)
  )
}

/** Wraps runs of inline content directly inside a div into paragraphs. */
function wrapPhrasing(div: Element): void {
  let p: Element | null = null
  for (const child of [...div.children]) {
    if (isPhrasing(child)) {
      if (p) appendChild(p, child)
      else if (!isWhitespace(child)) {
        p = createElement('p')
        replaceNode(child, p)
        appendChild(p, child)
      }
    } else if (p) {
      trimTrailingWhitespace(p)
      p = null
    }
  }
  if (p) trimTrailingWhitespace(p)
}

function trimTrailingWhitespace(p: Element) {
  while (p.children.length > 0 && isWhitespace(p.children[p.children.length - 1]!)) {
    removeNode(p.children[p.children.length - 1]!)
  }
}

/** Returns the element to continue the walk from after turning a div into paragraph form. */
function normalizeDiv(div: Element, toScore: Element[]): Element {
  wrapPhrasing(div)
  if (hasSingleTagInside(div, 'p') && linkDensity(div) < DIV_AS_P_MAX_LINK_DENSITY) {
    const p = elementChildren(div)[0]!
    replaceNode(div, p)
    toScore.push(p)
    return p
  }
  if (!hasChildBlockElement(div)) {
    div.tag = 'p'
    toScore.push(div)
  }
  return div
}

/**
 * One pass over the document: drops hidden, unlikely and empty nodes and the byline, turns divs used as
 * paragraphs into `<p>`, and returns the elements whose text will be scored.
 */
export function prepWalk(start: Element, state: WalkState): Element[] {
  const toScore: Element[] = []
  let removeTitleHeader = true
  let node: Element | null = start
  while (node) {
    const match = classAndId(node)
    const a = node.attrs
    if (!isProbablyVisible(node) || (a['aria-modal'] === 'true' && a.role === 'dialog')) {
      node = removeAndNext(node)
      continue
    }
    if (!state.bylineKnown && !state.byline && isByline(node, match)) {
      state.byline = bylineText(node)
      node = removeAndNext(node)
      continue
    }
    if (removeTitleHeader && (node.tag === 'h1' || node.tag === 'h2') && state.title) {
      if (textSimilarity(state.title, innerText(node)) > TITLE_SIMILARITY) {
        removeTitleHeader = false
        node = removeAndNext(node)
        continue
      }
    }
    if (isUnlikely(node, match, state.flags)) {
      node = removeAndNext(node)
      continue
    }
    if (EMPTY_CONTAINERS.has(node.tag) && isElementWithoutContent(node)) {
      node = removeAndNext(node)
      continue
    }
    if (TAGS_TO_SCORE.has(node.tag)) toScore.push(node)
    if (node.tag === 'div') node = normalizeDiv(node, toScore)
    node = nextElement(node)
  }
  return toScore
}
