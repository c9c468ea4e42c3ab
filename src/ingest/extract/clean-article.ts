import { cleanConditionally, isVideoEmbed } from './clean-conditionally.js'
import { RE, SHARE_ELEMENT_MAX_CHARS } from './constants.js'
import {
  classAndId,
  createElement,
  descendants,
  type Element,
  elementChildren,
  innerText,
  linkDensity,
  nextElement,
  removeAndNext,
  removeNode,
  replaceNode,
  textContent,
} from './dom.js'
import { isPhrasing } from './prep-document.js'
import { classWeight, type Flags, hasSingleTagInside } from './scoring.js'

const tags = (...t: string[]) => new Set(t)
const TABLE = tags('table')
const LAZY_TARGETS = tags('img', 'picture', 'figure')
const EMBED_TAGS = tags('object', 'embed', 'iframe')
const MEDIA = tags('img', 'embed', 'object', 'iframe')
/** Tables at least this long or wide hold data, not layout (Firefox's accessibility heuristics). */
/** A `<nav>` that is mostly links is navigation even inside the article block. */
const NAV_LINK_DENSITY = 0.5
const DATA_TABLE_MIN_ROWS = 10
const DATA_TABLE_MIN_COLUMNS = 5
const DATA_TABLE_MIN_CELLS = 11

function isDataTable(table: Element): boolean {
  const a = table.attrs
  if (a.role === 'presentation' || a.datatable === '0') return false
  if (a.summary) return true
  const inner = descendants(table)
  if (inner.some((e) => e.tag === 'caption' && e.children.length > 0)) return true
  if (inner.some((e) => ['col', 'colgroup', 'tfoot', 'thead', 'th'].includes(e.tag))) return true
  if (inner.some((e) => e.tag === 'table')) return false
  let rows = 0
  let columns = 0
  for (const tr of inner) {
    if (tr.tag !== 'tr') continue
    rows += Number.parseInt(tr.attrs.rowspan ?? '', 10) || 1
    let cols = 0
    for (const td of descendants(tr))
      if (td.tag === 'td') cols += Number.parseInt(td.attrs.colspan ?? '', 10) || 1
    columns = Math.max(columns, cols)
  }
  if (rows === 1 || columns === 1) return false
  if (rows >= DATA_TABLE_MIN_ROWS || columns >= DATA_TABLE_MIN_COLUMNS) return true
  return rows * columns >= DATA_TABLE_MIN_CELLS
}

/** Copies `data-src`-style attributes to `src`/`srcset` so lazy images survive without scripts. */
function fixLazyImages(root: Element): void {
  for (const el of descendants(root, LAZY_TARGETS)) {
    const src = el.attrs.src ?? ''
    const b64 = RE.b64DataUrl.exec(src)
    if (b64 && b64[1] !== 'image/svg+xml') {
      const other = Object.entries(el.attrs).some(([k, v]) => k !== 'src' && RE.imageExt.test(v))
      // A base64 image under ~100 bytes is a placeholder pixel.
      if (other && src.length - b64[0].length < 133) delete el.attrs.src
    }
    if (
      (el.attrs.src || (el.attrs.srcset && el.attrs.srcset !== 'null')) &&
      !/lazy/i.test(el.attrs.class ?? '')
    ) {
      continue
    }
    for (const [k, v] of Object.entries(el.attrs)) {
      if (k === 'src' || k === 'srcset' || k === 'alt') continue
      const copyTo = RE.srcsetValue.test(v) ? 'srcset' : RE.srcValue.test(v) ? 'src' : null
      if (!copyTo) continue
      if (el.tag === 'img' || el.tag === 'picture') el.attrs[copyTo] = v
      else if (!descendants(el).some((d) => d.tag === 'img' || d.tag === 'picture')) {
        const img = createElement('img', { [copyTo]: v })
        img.parent = el
        el.children.push(img)
      }
    }
  }
}

function clean(root: Element, tag: string): void {
  const isEmbed = EMBED_TAGS.has(tag)
  for (const el of descendants(root, new Set([tag]))) if (!(isEmbed && isVideoEmbed(el))) removeNode(el)
}

function cleanShareElements(root: Element): void {
  for (const top of elementChildren(root)) {
    const end = nextElement(top, true)
    let n = nextElement(top)
    while (n && n !== end) {
      const drop = RE.shareElements.test(classAndId(n)) && textContent(n).length < SHARE_ELEMENT_MAX_CHARS
      n = drop ? removeAndNext(n) : nextElement(n)
    }
  }
}

function unwrapSingleCellTables(root: Element): void {
  for (const table of descendants(root, TABLE)) {
    const body = hasSingleTagInside(table, 'tbody') ? elementChildren(table)[0]! : table
    if (!hasSingleTagInside(body, 'tr')) continue
    const row = elementChildren(body)[0]!
    if (!hasSingleTagInside(row, 'td')) continue
    const cell = elementChildren(row)[0]!
    cell.tag = cell.children.every(isPhrasing) ? 'p' : 'div'
    replaceNode(table, cell)
  }
}

/** Cleans the grabbed article: forms, embeds, share bars, link-heavy blocks, empty paragraphs. */
export function cleanArticle(root: Element, flags: Flags): void {
  for (const t of descendants(root, TABLE)) t.dataTable = isDataTable(t)
  fixLazyImages(root)
  cleanConditionally(root, 'form', flags)
  cleanConditionally(root, 'fieldset', flags)
  for (const t of ['object', 'embed', 'footer', 'link', 'aside']) clean(root, t)
  cleanShareElements(root)
  for (const t of ['iframe', 'input', 'textarea', 'select', 'button']) clean(root, t)
  // Previous/next and pager bars inside the article column ("Bài trước | Bài sau").
  for (const nav of descendants(root, tags('nav'))) if (linkDensity(nav) > NAV_LINK_DENSITY) removeNode(nav)
  for (const h of descendants(root, tags('h1', 'h2'))) if (classWeight(h, flags) < 0) removeNode(h)
  cleanConditionally(root, 'table', flags)
  cleanConditionally(root, 'ul', flags)
  cleanConditionally(root, 'div', flags)
  for (const h of descendants(root, tags('h1'))) h.tag = 'h2'
  for (const p of descendants(root, tags('p'))) {
    if (innerText(p) === '' && !descendants(p, MEDIA).length) removeNode(p)
  }
  unwrapSingleCellTables(root)
}
