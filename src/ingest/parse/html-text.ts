import { Parser } from 'htmlparser2'

/** Elements whose text is never reader-visible. */
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'head'])
/** Elements that break a line: their boundaries become spaces so words do not run together. */
// biome-ignore format: tag list
const BLOCK = new Set([
  'p', 'div', 'br', 'li', 'ul', 'ol', 'tr', 'td', 'th', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'section', 'article', 'header', 'footer', 'blockquote', 'figure', 'figcaption', 'hr', 'dd', 'dt', 'img',
])
const SPACES = /\s+/g
const MARKUP = /[<&]/

/** Plain text of an HTML fragment (entities decoded, tags dropped, whitespace collapsed). */
export function htmlToText(html: string | null | undefined): string {
  if (!html) return ''
  if (!MARKUP.test(html)) return html.replace(SPACES, ' ').trim()
  const out: string[] = []
  let skipping = 0
  const parser = new Parser(
    {
      onopentagname(name) {
        if (SKIP.has(name)) skipping++
        else if (BLOCK.has(name)) out.push(' ')
      },
      onclosetag(name) {
        if (SKIP.has(name)) skipping = Math.max(0, skipping - 1)
        else if (BLOCK.has(name)) out.push(' ')
      },
      ontext(text) {
        if (skipping === 0) out.push(text)
      },
    },
    { decodeEntities: true },
  )
  parser.end(html)
  return out.join('').replace(SPACES, ' ').trim()
}

/** `src` of the first `<img>` (or its lazy-load `data-src`) in an HTML fragment, as written. */
export function firstImageSrc(html: string | null | undefined): string | null {
  if (!html || !html.includes('<img')) return null
  let found: string | null = null
  const parser = new Parser({
    onopentag(name, attrs) {
      if (found === null && name === 'img') found = attrs['data-src'] || attrs.src || null
    },
  })
  parser.end(html)
  return found
}
