import { parseHtml } from './parse-html.js'
import { readabilityParse } from './readability-baseline.js'
import { toText } from './serialize.js'

export interface FallbackResult {
  text: string
  html: string
  byline: string | null
}

/**
 * Mozilla Readability over linkedom, used only when our extractor finds no article. Its HTML is
 * re-read with our parser so the text has the same paragraph layout as ours.
 */
export function readabilityFallback(html: string): FallbackResult | null {
  const r = readabilityParse(html)
  if (!r?.content) return null
  const text = toText(parseHtml(r.content).root)
  return text ? { text, html: r.content, byline: r.byline } : null
}
