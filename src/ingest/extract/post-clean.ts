import { descendants, type Element, innerText, linkDensity, removeNode } from './dom.js'
import { textSimilarity } from './scoring.js'
import { findVnDate } from './vn-date.js'
import { cleanForeignEdges } from './foreign-edges.js'

const LEAF_BLOCKS = new Set([
  'p',
  'div',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'blockquote',
  'pre',
  'td',
  'dt',
  'dd',
  'section',
  'article',
  'header',
])
/** Only the first and last few blocks can be title repeats, datelines or signatures. */
const EDGE_BLOCKS = 3
/** A final block this much made of links is a "more stories" list, not the article's last line. */
const TRAILING_LINK_DENSITY = 0.9
/** The title is looked for among this many first blocks (breadcrumbs and box labels come before it). */
const TITLE_SEARCH_BLOCKS = 6
/** A block this similar to the title repeats it. */
const TITLE_REPEAT_SIMILARITY = 0.9
/** After the date is cut out, a dateline has at most this many words ("Cập nhật lúc", "Thứ Tư"). */
const DATELINE_MAX_WORDS = 4
/** A signature line is short: a name, maybe a unit ("Minh Thu - TTVH"). */
const MAX_AUTHOR_CHARS = 60

/** Vietnamese (or any) capitalised name of 2–5 words, optionally followed by a unit or agency. */
const NAME = String.raw`\p{Lu}[\p{Ll}\p{M}]*(?:\s+\p{Lu}[\p{Ll}\p{M}]*){1,4}|\p{Lu}{2,}(?:\s+\p{Lu}+){1,4}`
const AUTHOR_PREFIX =
  /^(bài(\s+và|,)?\s+ảnh|tin(\s+và|,)?\s+ảnh|bài|tác giả|người viết|phóng viên|pv|by)\s*:?\s+/iu
const AUTHOR_LINE = new RegExp(
  String.raw`^(?:${NAME})(?:\s*,\s*(?:${NAME}))*(?:\s*[-–/(]\s*[\p{Lu}\p{N}][\p{L}\p{N}&. ]{1,30}\)?)?$`,
  'u',
)

/** Non-empty blocks with no non-empty block inside, in document order (one pass, deep trees safe). */
export function leafBlocks(root: Element): Element[] {
  const all = descendants(root)
  const hasBlockBelow = new Set<Element>()
  for (let i = all.length - 1; i >= 0; i--) {
    const el = all[i]!
    const isBlock = LEAF_BLOCKS.has(el.tag) && innerText(el) !== ''
    if ((isBlock || hasBlockBelow.has(el)) && el.parent) hasBlockBelow.add(el.parent)
  }
  return all.filter((el) => LEAF_BLOCKS.has(el.tag) && innerText(el) !== '' && !hasBlockBelow.has(el))
}

export function isDateline(text: string): boolean {
  const found = findVnDate(text)
  if (!found) return false
  const rest = (text.slice(0, found.start) + text.slice(found.end)).replace(
    /\(?\s*GMT\s*[+-]\s*\d+(:?\d\d)?\s*\)?/i,
    '',
  )
  return rest.split(/[^\p{L}\p{N}]+/u).filter(Boolean).length <= DATELINE_MAX_WORDS
}

/** The author named on a signature line, or null. */
export function authorFromLine(text: string): string | null {
  if (text.length > MAX_AUTHOR_CHARS || /[.!?;]$/.test(text)) return null
  const line = text.trim().replace(AUTHOR_PREFIX, '')
  return AUTHOR_LINE.test(line) ? line : null
}

export interface PostCleanResult {
  author: string | null
}

/**
 * Trims the edges of a Vietnamese article body the way portals lay them out: a first block repeating
 * the title, datelines at the top or bottom, and a trailing signature line such as "Quang Trường" or
 * "Minh Thu - TTVH", which becomes the author when metadata names none. Other pages lose date-only
 * blocks and a closing "By …" line at their edges (`cleanForeignEdges`).
 */
export function postClean(content: Element, title: string, vietnamese: boolean): PostCleanResult {
  const result: PostCleanResult = { author: null }
  if (!vietnamese) return cleanForeignEdges(content)
  let blocks = leafBlocks(content)
  // On table-layout portals the article block drags in the side column: the article starts at its title.
  const titleAt = blocks
    .slice(0, TITLE_SEARCH_BLOCKS)
    .findIndex(
      (b) =>
        textSimilarity(title, innerText(b)) > TITLE_REPEAT_SIMILARITY &&
        innerText(b).length <= title.length * 1.3,
    )
  if (title && titleAt >= 0) for (const b of blocks.slice(0, titleAt + 1)) removeNode(b)
  blocks = leafBlocks(content)
  // A list of other stories left at the foot once its label ("Các tin khác") was dropped as chrome.
  while (blocks.length > 1 && linkDensity(blocks[blocks.length - 1]!) >= TRAILING_LINK_DENSITY) {
    removeNode(blocks.pop()!)
  }
  const edges = new Set([...blocks.slice(0, EDGE_BLOCKS), ...blocks.slice(-EDGE_BLOCKS)])
  for (const b of edges) if (blocks.length > 1 && isDateline(innerText(b))) removeNode(b)
  blocks = leafBlocks(content)
  const last = blocks[blocks.length - 1]
  if (last && blocks.length > 1) {
    const author = authorFromLine(innerText(last))
    if (author) {
      result.author = author
      removeNode(last)
    }
  }
  return result
}
