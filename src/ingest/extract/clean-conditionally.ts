import { CLEAN_MIN_COMMAS, DIV_TO_P_ELEMS, HEADINGS, RE } from './constants.js'
import {
  descendants,
  type Element,
  elementChildren,
  hasAncestorTag,
  innerText,
  linkDensity,
  removeNode,
  type SubtreeCounts,
} from './dom.js'
import { classWeight, type Flags } from './scoring.js'

const TEXTISH = new Set(['span', 'li', 'td', ...DIV_TO_P_ELEMS])
const EMBEDS = new Set(['object', 'embed', 'iframe'])
const LISTS = new Set(['ul', 'ol'])
/** Lists hold up to this many items before "too many li per p" starts counting. */
const LI_ALLOWANCE = 100
/** A block whose text is more than this share of lists is treated as a list. */
const LIST_TEXT_SHARE = 0.9
/** A link-dense block with a neutral or bad class is navigation… */
const MAX_LINK_DENSITY_LOW_WEIGHT = 0.2
/** …one with a content-like class may hold more links before it is dropped. */
const MAX_LINK_DENSITY_HIGH_WEIGHT = 0.5
/** Blocks this short with links and no images are link stubs. */
const SHORT_BLOCK_CHARS = 25
/** A single embed with less text than this around it is an ad or widget. */
const EMBED_CONTEXT_CHARS = 75
/** Blocks that are almost only headings are section titles, not stubs. */
const HEADING_DENSITY = 0.9

const zero = (): SubtreeCounts => ({
  p: 0,
  img: 0,
  li: 0,
  input: 0,
  embeds: 0,
  hasVideo: false,
  headingChars: 0,
  textishChars: 0,
  listChars: 0,
  hasDataTable: false,
})

/** Adds element `d` itself (not its subtree) to the tallies `c`. */
function addOwn(c: SubtreeCounts, d: Element): void {
  const t = d.tag
  if (t === 'p') c.p++
  else if (t === 'img') c.img++
  else if (t === 'li') c.li++
  else if (t === 'input') c.input++
  else if (t === 'table' && d.dataTable) c.hasDataTable = true
  if (EMBEDS.has(t)) {
    c.embeds++
    if (isVideoEmbed(d)) c.hasVideo = true
  }
  if (HEADINGS.has(t)) c.headingChars += innerText(d).length
  if (TEXTISH.has(t)) c.textishChars += innerText(d).length
  if (LISTS.has(t)) c.listChars += innerText(d).length
}

function merge(into: SubtreeCounts, from: SubtreeCounts): void {
  into.p += from.p
  into.img += from.img
  into.li += from.li
  into.input += from.input
  into.embeds += from.embeds
  into.hasVideo ||= from.hasVideo
  into.headingChars += from.headingChars
  into.textishChars += from.textishChars
  into.listChars += from.listChars
  into.hasDataTable ||= from.hasDataTable
}

/**
 * Tallies of all descendants of `node` (Readability's repeated `getElementsByTagName` counts), cached
 * per element and recomputed only along the ancestor chain of a removal: deep nesting stays linear.
 */
function countInside(node: Element): SubtreeCounts {
  if (node.cache?.counts) return node.cache.counts
  const stack: Element[] = [node]
  const order: Element[] = []
  while (stack.length > 0) {
    const e = stack.pop()!
    order.push(e)
    for (const c of e.children) if (c.type === 'el' && !c.cache?.counts) stack.push(c)
  }
  for (let i = order.length - 1; i >= 0; i--) {
    const e = order[i]!
    const c = zero()
    for (const k of e.children) {
      if (k.type !== 'el') continue
      addOwn(c, k)
      merge(c, k.cache!.counts!)
    }
    innerText(e)
    e.cache!.counts = c
  }
  return node.cache!.counts!
}

export const isVideoEmbed = (el: Element): boolean => Object.values(el.attrs).some((v) => RE.videos.test(v))

function shouldRemove(node: Element, tag: string, flags: Flags, anyDataTable: boolean): boolean {
  if (tag === 'table' && node.dataTable) return false
  if (anyDataTable && hasAncestorTag(node, 'table', -1, (t) => t.dataTable === true)) return false
  if (hasAncestorTag(node, 'code')) return false
  const c = countInside(node)
  if (c.hasDataTable) return false
  const weight = classWeight(node, flags)
  if (weight < 0) return true
  const text = innerText(node)
  if (text.split(',').length - 1 >= CLEAN_MIN_COMMAS) return false
  if (c.hasVideo) return false
  if (RE.adWords.test(text) || RE.loadingWords.test(text)) return true
  const len = text.length
  const isList = LISTS.has(tag) || (len > 0 && c.listChars / len > LIST_TEXT_SHARE)
  const ld = linkDensity(node)
  const textDensity = len === 0 ? 0 : c.textishChars / len
  const headingDensity = len === 0 ? 0 : c.headingChars / len
  const inFigure = hasAncestorTag(node, 'figure')
  const li = c.li - LI_ALLOWANCE
  const embeds = c.embeds
  const remove =
    (!inFigure && c.img > 1 && c.p / c.img < 0.5) ||
    (!isList && li > c.p) ||
    c.input > Math.floor(c.p / 3) ||
    (!isList &&
      !inFigure &&
      headingDensity < HEADING_DENSITY &&
      len < SHORT_BLOCK_CHARS &&
      (c.img === 0 || c.img > 2) &&
      ld > 0) ||
    (!isList && weight < 25 && ld > MAX_LINK_DENSITY_LOW_WEIGHT) ||
    (weight >= 25 && ld > MAX_LINK_DENSITY_HIGH_WEIGHT) ||
    (embeds === 1 && len < EMBED_CONTEXT_CHARS) ||
    embeds > 1 ||
    (c.img === 0 && textDensity === 0)
  // Simple lists of images (every item one image) stay.
  if (isList && remove) {
    if (elementChildren(node).some((k) => elementChildren(k).length > 1)) return true
    return c.img !== c.li
  }
  return remove
}

/**
 * Removes `tag` elements that look like chrome rather than content: too many links, images, inputs or
 * list items per paragraph, suspicious embeds (Readability's `_cleanConditionally`).
 */
export function cleanConditionally(root: Element, tag: string, flags: Flags): void {
  if (!flags.cleanConditionally) return
  const nodes = descendants(root, new Set([tag]))
  // Without any data table the unbounded ancestor walk is skipped (it is quadratic on deep nesting).
  const anyDataTable = countInside(root).hasDataTable
  for (let i = nodes.length - 1; i >= 0; i--) {
    const node = nodes[i]!
    if (node.parent && shouldRemove(node, tag, flags, anyDataTable)) removeNode(node)
  }
}
