import { escapeHtml } from './escape.js'
import type { SiteArticle } from './site-model.js'

/**
 * The article body as HTML paragraphs, every paragraph escaped — except in the one article marked
 * `hostile`, whose body is emitted raw on purpose: it carries a script payload that the product must
 * show as inert text.
 */
export function bodyHtml(a: SiteArticle, figureHtml = ''): string {
  return a.body
    .map((p, i) => `<p>${a.hostile ? p : escapeHtml(p)}</p>${i === 1 ? figureHtml : ''}`)
    .join('\n')
}

/** Path of an article's (placeholder) lead image. */
export const imagePath = (a: SiteArticle, prefix: string) => `${prefix}/images/${a.num}.jpg`
