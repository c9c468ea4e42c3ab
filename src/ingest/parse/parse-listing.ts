import { parseHTML } from 'linkedom'
import { AppError } from '../../shared/errors.js'

export interface ListingOptions {
  /** the listing page's URL: base for relative links and the "site" for `sameSite` */
  url: string
  /** CSS selector for article links or their containers, e.g. `.story h3 a` or `article.item` */
  selector: string
  /** keep only links on the listing's own site (subdomains included); default true */
  sameSite?: boolean
  /** stop after this many links; default 500 */
  max?: number
}

/** A listing page rarely shows more than ~100 stories; 500 bounds a runaway selector like `a`. */
const DEFAULT_MAX = 500

/** Minimal element surface we use from linkedom (its own typings are loose). */
interface El {
  tagName: string
  getAttribute(name: string): string | null
  closest(selector: string): El | null
  querySelectorAll(selector: string): Iterable<El>
}

const siteOf = (host: string) => host.toLowerCase().replace(/^www\./, '')

function sameSite(a: string, b: string): boolean {
  const x = siteOf(a)
  const y = siteOf(b)
  return x === y || x.endsWith(`.${y}`) || y.endsWith(`.${x}`)
}

/** The anchors a matched element stands for: itself, the anchor around it, or the anchors inside it. */
function anchorsOf(el: El): El[] {
  if (el.tagName === 'A' && el.getAttribute('href')) return [el]
  const around = el.closest('a[href]')
  if (around) return [around]
  return [...el.querySelectorAll('a[href]')]
}

/**
 * Article links of an HTML-only source's listing page, chosen by a CSS selector: absolute, without
 * fragments, deduplicated, in page order, same-site by default.
 */
export function parseListing(html: string, opts: ListingOptions): string[] {
  const { document } = parseHTML(html)
  const page = new URL(opts.url)
  const baseHref = document.querySelector('base[href]')?.getAttribute('href')
  const base = baseHref ? new URL(baseHref, page).href : page.href
  let matched: El[]
  try {
    matched = [...(document.querySelectorAll(opts.selector) as unknown as Iterable<El>)]
  } catch (err) {
    throw new AppError('INPUT_INVALID', `invalid CSS selector: ${opts.selector}`, {
      cause: err,
      details: { reason: 'selector' },
    })
  }
  const max = opts.max ?? DEFAULT_MAX
  const seen = new Set<string>([page.href.replace(/#.*$/, '')])
  const out: string[] = []
  for (const anchor of matched.flatMap(anchorsOf)) {
    const url = resolve(anchor.getAttribute('href'), base)
    if (!url || seen.has(url)) continue
    if (opts.sameSite !== false && !sameSite(new URL(url).hostname, page.hostname)) continue
    seen.add(url)
    out.push(url)
    if (out.length >= max) break
  }
  return out
}

function resolve(href: string | null, base: string): string | null {
  if (!href) return null
  try {
    const u = new URL(href.trim(), base)
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null
    u.hash = ''
    return u.href
  } catch {
    return null
  }
}
