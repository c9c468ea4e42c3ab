import { descendants, type Element, elementChildren, innerText, linkDensity, removeNode } from './dom.js'

/**
 * Section labels that start non-article boxes on Vietnamese and English news pages and portals. The
 * whole label must match (a paragraph merely mentioning "tin liên quan" is not a label).
 */
const RELATED_LABEL =
  /^(các tin (khác|đã đưa|cùng chuyên mục|mới)|tin (khác|liên quan|cùng chuyên mục|cùng loại|mới nhất|đọc nhiều|nổi bật|xem nhiều)|bài viết (liên quan|khác|cùng chuyên mục)|bài (liên quan|đọc nhiều)|xem thêm|đọc thêm|có thể bạn quan tâm|related (articles?|stories|news|posts|content|coverage|links)|more (stories|news|from [\p{L} ]+)|read (more|next|also)|you (may|might) also like|recommended( for you)?|most (read|popular|viewed)|trending( now)?|see also)\s*[:.…]*$/iu
const COMMENT_LABEL =
  /^(\d+\s+)?(bình luận|ý kiến( bạn đọc)?|gửi (bình luận|ý kiến)|ý kiến của bạn|comments?|leave a (comment|reply)|\d+ (responses|replies))(\s*\(\d+\))?\s*[:.…]*$/iu
/** Labels are short; longer text is prose even when it starts with these words. */
const MAX_LABEL_CHARS = 48
/** A box made mostly of links is a list of other articles. */
const LINK_LIST_DENSITY = 0.5
/** "Tin liên quan: <a>…</a>" inline in one paragraph. */
const INLINE_RELATED = /^(tin liên quan|xem thêm|đọc thêm|related|read more|see also)\s*[:：]/iu
const LABEL_TAGS = new Set([
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'p',
  'div',
  'span',
  'strong',
  'b',
  'header',
  'a',
  'li',
  'dt',
])

/** A wrapper may hold a little more than the box it wraps (a title bar, a "more" link)… */
const WRAPPER_GROWTH = 1.5
/** Share of link text from which a labelled container counts as a related-news box. */
const RELATED_BOX_DENSITY = 0.35

/**
 * The box a label heads: its parent when the parent's text starts with the label, then wrappers
 * around that box that add little text, so an article that merely starts with a box is never taken.
 */
function boxOf(label: Element, text: string, stop: Element, comments: boolean): Element {
  let box = label
  for (let p = label.parent; p && p !== stop; p = p.parent) {
    const t = innerText(p)
    if (!t.startsWith(text)) break
    // A related-news box is a link list; prose after the label means the label sits in the article.
    if (!comments && linkDensity(p) < RELATED_BOX_DENSITY) break
    if (box !== label && t.length > innerText(box).length * WRAPPER_GROWTH) break
    box = p
  }
  return box
}

function followingSiblings(el: Element): Element[] {
  const parent = el.parent
  if (!parent) return []
  const kids = elementChildren(parent)
  return kids.slice(kids.indexOf(el) + 1)
}

/**
 * Removes "Tin liên quan", "Các tin khác", "Related stories" and comment sections. A label heading its
 * own box removes the box; a label inline among article paragraphs removes itself and the link lists
 * after it (for comments: everything after it).
 */
export function removeBoilerplateSections(body: Element): number {
  let removed = 0
  for (const el of descendants(body, LABEL_TAGS)) {
    if (!el.parent) continue
    const text = innerText(el)
    if (text.length === 0 || text.length > 400) continue
    if (INLINE_RELATED.test(text) && linkDensity(el) >= LINK_LIST_DENSITY && el.tag === 'p') {
      removeNode(el)
      removed++
      continue
    }
    if (text.length > MAX_LABEL_CHARS) continue
    const comments = COMMENT_LABEL.test(text)
    if (!comments && !RELATED_LABEL.test(text)) continue
    const box = boxOf(el, text, body, comments)
    if (box === body) continue
    // A label box may carry a counter or an "add yours" link beside the label.
    const labelOnly = innerText(box).length <= MAX_LABEL_CHARS
    for (const sib of followingSiblings(box)) {
      const linky = linkDensity(sib) >= LINK_LIST_DENSITY || innerText(sib) === ''
      if ((comments && labelOnly) || linky) removeNode(sib)
      else break
    }
    removeNode(box)
    removed++
  }
  return removed
}
