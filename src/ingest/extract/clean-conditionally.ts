import { CLEAN_MIN_COMMAS, DIV_TO_P_ELEMS, HEADINGS, RE } from './constants.js'
import {
  descendants,
  type Element,
  elementChildren,
  hasAncestorTag,
  innerText,
  linkDensity,
  removeNode,
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

interface Counts {
  p: number
  img: number
  li: number
  input: number
  embeds: Element[]
  headingChars: number
  textishChars: number
  listChars: number
  hasDataTable: boolean
}

function countInside(node: Element): Counts {
  const c: Counts = {
    p: 0,
    img: 0,
    li: 0,
    input: 0,
    embeds: [],
    headingChars: 0,
    textishChars: 0,
    listChars: 0,
    hasDataTable: false,
  }
  for (const d of descendants(node)) {
    const t = d.tag
    if (t === 'p') c.p++
    else if (t === 'img') c.img++
    else if (t === 'li') c.li++
    else if (t === 'input') c.input++
    else if (t === 'table' && d.dataTable) c.hasDataTable = true
    if (EMBEDS.has(t)) c.embeds.push(d)
    if (HEADINGS.has(t)) c.headingChars += innerText(d).length
    if (TEXTISH.has(t)) c.textishChars += innerText(d).length
    if (LISTS.has(t)) c.listChars += innerText(d).length
  }
  return c
}

export const isVideoEmbed = (el: Element): boolean => Object.values(el.attrs).some((v) => RE.videos.test(v))

function shouldRemove(node: Element, tag: string, flags: Flags): boolean {
  if (tag === 'table' && node.dataTable) return false
  if (hasAncestorTag(node, 'table', -1, (t) => t.dataTable === true)) return false
  if (hasAncestorTag(node, 'code')) return false
  const c = countInside(node)
  if (c.hasDataTable) return false
  const weight = classWeight(node, flags)
  if (weight < 0) return true
  const text = innerText(node)
  if (text.split(',').length - 1 >= CLEAN_MIN_COMMAS) return false
  if (c.embeds.some(isVideoEmbed)) return false
  if (RE.adWords.test(text) || RE.loadingWords.test(text)) return true
  const len = text.length
  const isList = LISTS.has(tag) || (len > 0 && c.listChars / len > LIST_TEXT_SHARE)
  const ld = linkDensity(node)
  const textDensity = len === 0 ? 0 : c.textishChars / len
  const headingDensity = len === 0 ? 0 : c.headingChars / len
  const inFigure = hasAncestorTag(node, 'figure')
  const li = c.li - LI_ALLOWANCE
  const embeds = c.embeds.length
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
  for (let i = nodes.length - 1; i >= 0; i--) {
    const node = nodes[i]!
    if (node.parent && shouldRemove(node, tag, flags)) removeNode(node)
  }
}
