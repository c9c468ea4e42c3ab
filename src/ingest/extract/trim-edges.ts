import { authorFromLine, isDateline } from './post-clean.js'
import { textSimilarity } from './scoring.js'

/** Print/back/share links at the foot of old portal pages ("Trở về | In tin | Gửi email"). */
const TOOLS =
  /^((trở về|quay lại|in tin|in bài|bản in|gửi email|gửi bài|về đầu trang|lên đầu trang|chia sẻ|đầu trang|print|back|top)\s*[|•·/-]?\s*)+$/iu
/** A headline is one line, not too long, without a closing full stop. */
const MAX_HEADLINE_CHARS = 250
const SENTENCE_END = /[.!?…:;]$/
const EDGE = 3
const TITLE_SEARCH = 6
const TITLE_SIMILARITY = 0.9

export interface TrimmedText {
  body: string
  title: string
  author: string | null
}

/**
 * Text-level edge cleaning for Vietnamese pages, for what is not in its own block (old portals lay
 * out whole articles as text separated by `<br><br>`): print/back links, datelines, a repeated title,
 * and a trailing signature line (returned as the author). When the page title is only the site's name
 * (`weakTitle`), a headline-like first paragraph becomes the title.
 */
export function trimEdges(body: string, title: string, weakTitle: boolean): TrimmedText {
  let paras = body.split('\n\n')
  let author: string | null = null
  while (paras.length > 1 && TOOLS.test(paras[paras.length - 1]!)) paras.pop()
  const edges = new Set([...paras.slice(0, EDGE), ...paras.slice(-EDGE)].filter(isDateline))
  if (paras.length > edges.size) paras = paras.filter((p) => !edges.has(p))
  const first = paras[0]
  if (weakTitle && first && paras.length > 1 && first.length <= MAX_HEADLINE_CHARS && !first.includes('\n')) {
    if (!SENTENCE_END.test(first)) {
      title = first
      paras = paras.slice(1)
    }
  }
  const at = paras
    .slice(0, TITLE_SEARCH)
    .findIndex((p) => p.length <= title.length * 1.3 && textSimilarity(title, p) > TITLE_SIMILARITY)
  if (title && at >= 0 && paras.length > at + 1) paras = paras.slice(at + 1)
  const last = paras[paras.length - 1]
  if (last && paras.length > 1) {
    author = authorFromLine(last)
    if (author) paras = paras.slice(0, -1)
  }
  return { body: paras.join('\n\n'), title, author }
}
