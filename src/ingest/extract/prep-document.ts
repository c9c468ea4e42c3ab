import { PHRASING_ELEMS, RE } from './constants.js'
import {
  appendChild,
  createElement,
  descendants,
  type Element,
  elementChildren,
  firstDescendant,
  type Node,
  removeNode,
  replaceNode,
  textContent,
} from './dom.js'

const BR = new Set(['br'])
const NOSCRIPT = new Set(['noscript'])
const IMG = new Set(['img'])

export function isWhitespace(node: Node): boolean {
  return node.type === 'text' ? RE.whitespace.test(node.data) : node.tag === 'br'
}

/** Readability's phrasing-content test: text, inline elements, and links made only of those. */
export function isPhrasing(node: Node): boolean {
  if (node.type === 'text' || PHRASING_ELEMS.has(node.tag)) return true
  if (node.tag !== 'a' && node.tag !== 'del' && node.tag !== 'ins') return false
  // Iterative: a link may wrap deeply nested inline markup.
  const stack: Node[] = [...node.children]
  while (stack.length > 0) {
    const n = stack.pop()!
    if (n.type === 'text' || PHRASING_ELEMS.has(n.tag)) continue
    if (n.tag !== 'a' && n.tag !== 'del' && n.tag !== 'ins') return false
    stack.push(...n.children)
  }
  return true
}

/** The next sibling that is an element or non-blank text. */
function nextSignificant(siblings: Node[], from: number): Node | undefined {
  for (let i = from; i < siblings.length; i++) {
    const n = siblings[i]!
    if (n.type === 'el' || !RE.whitespace.test(n.data)) return n
  }
  return undefined
}

/**
 * Two or more `<br>` in a row end a paragraph: the run becomes a `<p>` holding the phrasing content
 * that follows, up to the next `<br><br>` (Readability's `_replaceBrs`).
 */
export function replaceBrs(body: Element): void {
  for (const br of descendants(body, BR)) {
    const parent = br.parent
    if (!parent) continue
    const sibs = parent.children
    let i = sibs.indexOf(br)
    let replaced = false
    for (;;) {
      const next = nextSignificant(sibs, i + 1)
      if (!next || next.type !== 'el' || next.tag !== 'br') break
      replaced = true
      const j = sibs.indexOf(next)
      sibs.splice(i + 1, j - i)
      next.parent = null
    }
    if (!replaced) continue
    const p = createElement('p')
    replaceNode(br, p)
    i = sibs.indexOf(p)
    while (i + 1 < sibs.length) {
      const next = sibs[i + 1]!
      if (next.type === 'el' && next.tag === 'br') {
        const after = nextSignificant(sibs, i + 2)
        if (after?.type === 'el' && after.tag === 'br') break
      }
      if (!isPhrasing(next)) break
      appendChild(p, next)
    }
    while (p.children.length > 0 && isWhitespace(p.children[p.children.length - 1]!)) {
      removeNode(p.children[p.children.length - 1]!)
    }
    if (parent.tag === 'p') parent.tag = 'div'
  }
}

function isSingleImage(el: Element): boolean {
  let node: Element | undefined = el
  while (node) {
    if (node.tag === 'img') return true
    const kids = elementChildren(node)
    if (kids.length !== 1 || textContent(node).trim() !== '') return false
    node = kids[0]
  }
  return false
}

function previousElement(node: Element): Element | null {
  const sibs = node.parent?.children ?? []
  for (let i = sibs.indexOf(node) - 1; i >= 0; i--) {
    const s = sibs[i]!
    if (s.type === 'el') return s
  }
  return null
}

/**
 * Lazy-loading pages put the real image in `<noscript>` after a placeholder: use it, then drop every
 * `<noscript>` (its fallback content would duplicate text).
 */
export function unwrapNoscriptImages(body: Element): void {
  for (const img of descendants(body, IMG)) {
    const a = img.attrs
    if (a.src || a.srcset || a['data-src'] || a['data-srcset']) continue
    if (Object.values(a).some((v) => RE.imageExt.test(v))) continue
    removeNode(img)
  }
  for (const ns of descendants(body, NOSCRIPT)) {
    if (!ns.parent) continue
    const prev = previousElement(ns)
    if (isSingleImage(ns) && prev && isSingleImage(prev)) {
      const newImg = firstDescendant(ns, 'img')
      const prevImg = prev.tag === 'img' ? prev : firstDescendant(prev, 'img')
      if (newImg && prevImg) {
        for (const [k, v] of Object.entries(prevImg.attrs)) {
          if (!v || newImg.attrs[k] === v) continue
          if (k === 'src' || k === 'srcset' || RE.imageExt.test(v)) {
            newImg.attrs[newImg.attrs[k] === undefined ? k : `data-old-${k}`] = v
          }
        }
        replaceNode(prev, newImg)
      }
    }
    removeNode(ns)
  }
}
