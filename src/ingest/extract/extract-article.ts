import { sanitizeHtml } from '../sanitize/sanitize-html.js'
import { MAX_ARTICLE_LINK_DENSITY, MAX_INPUT_CHARS, MIN_ARTICLE_CHARS } from './constants.js'
import { detectLang } from './detect-lang.js'
import { descendants, type Element, innerText, linkDensity, textContent } from './dom.js'
import { findArticle } from './find-article.js'
import { cleanLead, findBoldLead, findSapoElement, isVnSapo } from './lead.js'
import { readMetadata } from './metadata.js'
import { findPageDates } from './page-dates.js'
import { parseHtml } from './parse-html.js'
import { postClean } from './post-clean.js'
import { readabilityFallback } from './readability-fallback.js'
import { textSimilarity } from './scoring.js'
import { toHtml, toText } from './serialize.js'
import { trimEdges } from './trim-edges.js'
import { chooseTitle } from './title.js'
import type { ArticleImage, ExtractedArticle } from './types.js'
import { wordF1 } from './word-f1.js'

export interface ExtractOptions {
  /** The page's URL: base for relative links, and the result's `url` when the page names no canonical. */
  url?: string
}

const IMG = new Set(['img'])
const H1 = new Set(['h1'])

function absolute(href: string | null, base: string | undefined): string | null {
  if (!href) return base ?? null
  try {
    return new URL(href, base).href
  } catch {
    return base ?? null
  }
}

function emptyArticle(url: string | null, warnings: string[]): ExtractedArticle {
  return {
    url,
    title: '',
    author: null,
    publishedAt: null,
    updatedAt: null,
    lang: null,
    lead: '',
    articleBody: '',
    contentHtml: '',
    images: [],
    siteName: null,
    warnings,
  }
}

function imagesOf(content: Element, base: string | undefined): ArticleImage[] {
  const out: ArticleImage[] = []
  for (const img of descendants(content, IMG)) {
    const src = absolute(img.attrs.src ?? null, base)
    if (!src || !/^https?:/i.test(src)) continue
    let caption = ''
    for (let p = img.parent; p && !caption; p = p.parent) {
      if (p.tag !== 'figure') continue
      const cap = descendants(p).find((d) => d.tag === 'figcaption')
      caption = cap ? innerText(cap) : ''
      break
    }
    out.push({ src, caption: caption || (img.attrs.alt ?? '').trim() })
  }
  return out
}

/** A lead whose words mostly occur at the top of the body is already in it. */
const LEAD_OVERLAP = 0.5
const LEAD_WINDOW_CHARS = 3000

function containsLead(body: string, lead: string): boolean {
  if (body.includes(lead.slice(0, 60))) return true
  return wordF1(body.slice(0, LEAD_WINDOW_CHARS), lead).recall >= LEAD_OVERLAP
}

const TITLE_AS_LEAD = 0.9

const isArticle = (text: string, content: Element | null) =>
  text.length >= MIN_ARTICLE_CHARS && (!content || linkDensity(content) <= MAX_ARTICLE_LINK_DENSITY)

/**
 * Extracts the article of an HTML page: metadata (JSON-LD, OpenGraph, meta, Vietnamese datelines),
 * lead, main text and sanitized HTML. Never throws: problems are reported in `warnings`.
 */
export function extractArticle(html: string, opts: ExtractOptions = {}): ExtractedArticle {
  if (!html || html.trim() === '') return emptyArticle(opts.url ?? null, ['empty-input'])
  try {
    return extract(html, opts)
  } catch (e) {
    return emptyArticle(opts.url ?? null, [`extract-failed: ${e instanceof Error ? e.message : String(e)}`])
  }
}

function extract(input: string, opts: ExtractOptions): ExtractedArticle {
  const warnings: string[] = []
  const html = input.length > MAX_INPUT_CHARS ? input.slice(0, MAX_INPUT_CHARS) : input
  if (html !== input) warnings.push('input-truncated')
  const page = parseHtml(html)
  const meta = readMetadata(page.head)
  const url = absolute(meta.canonicalUrl, opts.url)
  const base = url ?? opts.url
  // Read before cleaning: datelines and sapo boxes are often removed as page chrome.
  const dates = findPageDates(page.body)
  const sapo = findSapoElement(page.body)
  const sapoText = sapo ? cleanLead(innerText(sapo)) : null
  const title = chooseTitle(meta.title, page.head.title, page.body, meta.siteName)
  const lang = detectLang([page.head.htmlLang, meta.locale], textContent(page.body))
  const found = findArticle(page, html, title, meta.author !== null)
  const post = postClean(found.content, title, lang === 'vi')
  let articleBody = toText(found.content)
  let finalTitle = title
  if (lang === 'vi') {
    // The page title is weak when no metadata names the headline and the page has no <h1>.
    const weak = !meta.title && !descendants(page.root, H1).length
    const trimmed = trimEdges(articleBody, title, weak)
    articleBody = trimmed.body
    finalTitle = trimmed.title
    post.author ??= trimmed.author
  }
  let contentHtml = toHtml(found.content)
  let images = imagesOf(found.content, base)
  let author = meta.author ?? found.byline ?? post.author
  if (found.onlyLinks || !isArticle(articleBody, found.content)) {
    const fb = readabilityFallback(html)
    if (fb && !found.onlyLinks && isArticle(fb.text, null) && fb.linkDensity <= MAX_ARTICLE_LINK_DENSITY) {
      warnings.push('readability-fallback')
      ;({ text: articleBody, html: contentHtml } = fb)
      images = []
      author ??= fb.byline
    } else {
      warnings.push('no-article')
      articleBody = ''
      contentHtml = ''
      images = []
    }
  }
  const bold = findBoldLead(found.content)
  // On old portals the bold first line is the headline, not a sapo.
  const boldLead = bold && textSimilarity(finalTitle, bold) < TITLE_AS_LEAD ? bold : null
  const lead = sapoText ?? boldLead ?? cleanLead(meta.description ?? '')
  if (sapo && sapoText && isVnSapo(sapo) && articleBody && !containsLead(articleBody, sapoText)) {
    articleBody = `${sapoText}\n\n${articleBody}`
  }
  if (!finalTitle) warnings.push('no-title')
  return {
    url,
    title: finalTitle,
    author,
    // A portal whose only stamp is "Cập nhật lúc …" shows it as the posting time.
    publishedAt: meta.publishedAt ?? dates.publishedAt ?? dates.updatedAt,
    updatedAt: meta.updatedAt ?? dates.updatedAt,
    lang,
    lead,
    articleBody,
    // Sanitizing is the last step: nothing touches the HTML after this.
    contentHtml: contentHtml ? sanitizeHtml(contentHtml, { baseUrl: base }) : '',
    images,
    siteName: meta.siteName,
    warnings,
  }
}
