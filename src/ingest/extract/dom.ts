/**
 * A light, mutable HTML tree for extraction: elements and text only, no comments, no live collections.
 * Every walk here is iterative (explicit stacks), so a page with 10,000 nested elements cannot overflow
 * the call stack. Text and link lengths are cached per element and invalidated up the ancestor chain on
 * every mutation, which keeps Readability-style scoring linear instead of quadratic.
 */
export interface TextNode {
  type: 'text'
  data: string
  parent: Element | null
}

/** Per-subtree tallies used by conditional cleaning (cached like text, see `clean-conditionally.ts`). */
export interface SubtreeCounts {
  p: number
  img: number
  li: number
  input: number
  embeds: number
  hasVideo: boolean
  headingChars: number
  textishChars: number
  listChars: number
  hasDataTable: boolean
}

interface Cache {
  text?: string
  inner?: string
  linkLen?: number
  counts?: SubtreeCounts
}

export interface Element {
  type: 'el'
  tag: string
  attrs: Record<string, string>
  children: Node[]
  parent: Element | null
  cache: Cache | null
  /** Readability content score; undefined until the node is initialised as a candidate. */
  score?: number
  /** Marked by the data-table pass: tables holding data are never cleaned away. */
  dataTable?: boolean
}

export type Node = Element | TextNode

const MULTI_SPACE = /\s{2,}/g
const HASH_URL = /^#.+/
/** Links to in-page anchors (footnotes, tables of contents) count less against a block. */
const HASH_LINK_WEIGHT = 0.3

export function createElement(tag: string, attrs: Record<string, string> = {}): Element {
  return { type: 'el', tag, attrs, children: [], parent: null, cache: null }
}

export function invalidate(el: Element | null): void {
  for (let p = el; p; p = p.parent) p.cache = null
}

export function appendChild(parent: Element, child: Node): void {
  if (child.parent) removeNode(child)
  child.parent = parent
  parent.children.push(child)
  invalidate(parent)
}

export function removeNode(node: Node): void {
  const parent = node.parent
  if (!parent) return
  const i = parent.children.indexOf(node)
  if (i >= 0) parent.children.splice(i, 1)
  node.parent = null
  invalidate(parent)
}

export function replaceNode(oldNode: Node, newNode: Node): void {
  const parent = oldNode.parent
  if (!parent) return
  if (newNode.parent) removeNode(newNode)
  const i = parent.children.indexOf(oldNode)
  parent.children[i] = newNode
  newNode.parent = parent
  oldNode.parent = null
  invalidate(parent)
}

/** Renames an element in place (the tree keeps its identity, scores and children). */
export function setTag(el: Element, tag: string): Element {
  el.tag = tag
  return el
}

export function elementChildren(el: Element): Element[] {
  const out: Element[] = []
  for (const c of el.children) if (c.type === 'el') out.push(c)
  return out
}

/** The raw concatenated text of a node (DOM `textContent`). */
export function textContent(node: Node): string {
  if (node.type === 'text') return node.data
  if (node.cache?.text !== undefined) return node.cache.text
  const stack: Element[] = [node]
  const order: Element[] = []
  while (stack.length > 0) {
    const e = stack.pop()!
    order.push(e)
    for (const c of e.children) if (c.type === 'el' && c.cache?.text === undefined) stack.push(c)
  }
  for (let i = order.length - 1; i >= 0; i--) {
    const e = order[i]!
    let s = ''
    for (const c of e.children) s += c.type === 'text' ? c.data : c.cache!.text!
    e.cache = { ...e.cache, text: s }
  }
  return node.cache!.text!
}

/** Trimmed text with runs of whitespace collapsed (Readability's `_getInnerText`). */
export function innerText(node: Node): string {
  if (node.type === 'text') return node.data.trim().replace(MULTI_SPACE, ' ')
  const t = textContent(node)
  if (node.cache!.inner === undefined) node.cache!.inner = t.trim().replace(MULTI_SPACE, ' ')
  return node.cache!.inner
}

/** Weighted length of link text inside the element (links to `#anchors` count 0.3). */
export function linkLength(el: Element): number {
  if (el.cache?.linkLen !== undefined) return el.cache.linkLen
  const stack: Element[] = [el]
  const order: Element[] = []
  while (stack.length > 0) {
    const e = stack.pop()!
    order.push(e)
    if (e.tag === 'a') continue
    for (const c of e.children) if (c.type === 'el' && c.cache?.linkLen === undefined) stack.push(c)
  }
  for (let i = order.length - 1; i >= 0; i--) {
    const e = order[i]!
    let n = 0
    if (e.tag === 'a') {
      n = innerText(e).length * (HASH_URL.test(e.attrs.href ?? '') ? HASH_LINK_WEIGHT : 1)
    } else {
      for (const c of e.children) if (c.type === 'el') n += c.cache!.linkLen!
    }
    textContent(e)
    e.cache!.linkLen = n
  }
  return el.cache!.linkLen!
}

export function linkDensity(el: Element): number {
  const len = innerText(el).length
  return len === 0 ? 0 : linkLength(el) / len
}

/** All descendant elements (document order) whose tag is in `tags`; all descendants when omitted. */
export function descendants(root: Element, tags?: ReadonlySet<string>): Element[] {
  const out: Element[] = []
  const stack: Node[] = [...root.children].reverse()
  while (stack.length > 0) {
    const n = stack.pop()!
    if (n.type !== 'el') continue
    if (!tags || tags.has(n.tag)) out.push(n)
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!)
  }
  return out
}

export function firstDescendant(root: Element, tag: string): Element | null {
  const stack: Node[] = [...root.children].reverse()
  while (stack.length > 0) {
    const n = stack.pop()!
    if (n.type !== 'el') continue
    if (n.tag === tag) return n
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!)
  }
  return null
}

function nextElementSibling(node: Node): Element | null {
  const parent = node.parent
  if (!parent) return null
  const sibs = parent.children
  for (let i = sibs.indexOf(node) + 1; i < sibs.length; i++) {
    const s = sibs[i]!
    if (s.type === 'el') return s
  }
  return null
}

/** Depth-first next element; with `skipChildren` the subtree of `node` is skipped. */
export function nextElement(node: Element, skipChildren = false): Element | null {
  if (!skipChildren) {
    for (const c of node.children) if (c.type === 'el') return c
  }
  let cur: Element | null = node
  while (cur) {
    const sib = nextElementSibling(cur)
    if (sib) return sib
    cur = cur.parent
  }
  return null
}

/** Removes `node` and returns the next element in document order. */
export function removeAndNext(node: Element): Element | null {
  const next = nextElement(node, true)
  removeNode(node)
  return next
}

export function ancestors(node: Node, maxDepth = 0): Element[] {
  const out: Element[] = []
  let p = node.parent
  while (p) {
    out.push(p)
    if (maxDepth && out.length === maxDepth) break
    p = p.parent
  }
  return out
}

export function hasAncestorTag(
  node: Node,
  tag: string,
  maxDepth = 3,
  filter?: (e: Element) => boolean,
): boolean {
  let depth = 0
  let p = node.parent
  while (p) {
    if (maxDepth > 0 && depth > maxDepth) return false
    if (p.tag === tag && (!filter || filter(p))) return true
    p = p.parent
    depth++
  }
  return false
}

export const classAndId = (el: Element): string => `${el.attrs.class ?? ''} ${el.attrs.id ?? ''}`
