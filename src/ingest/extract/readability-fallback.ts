import { linkDensity } from './dom.js'
import { parseHtml } from './parse-html.js'
import { readabilityParse } from './readability-baseline.js'
import { toText } from './serialize.js'

export interface FallbackResult {
  text: string
  html: string
  byline: string | null
  /** share of the text inside links (a tag or section page that Readability took for an article is ~1) */
  linkDensity: number
}

/**
 * Mozilla Readability over linkedom, used only when our extractor finds no article. Its HTML is
 * re-read with our parser so the text has the same paragraph layout as ours.
 */
export function readabilityFallback(html: string): FallbackResult | null {
  const r = readabilityParse(html)
  if (!r?.content) return null
  const root = parseHtml(r.content).root
  const text = toText(root)
  return text ? { text, html: r.content, byline: r.byline, linkDensity: linkDensity(root) } : null
}
