import { Readability } from '@mozilla/readability'
import { parseHTML } from 'linkedom'

/** The parts of Readability's result that extraction and the benchmark use. */
export interface ReadabilityResult {
  title: string
  byline: string | null
  textContent: string
  content: string
  excerpt: string | null
  publishedTime: string | null
}

type ReadabilityDocument = ConstructorParameters<typeof Readability>[0]

/**
 * Mozilla Readability 0.6 over linkedom: the fallback when our extractor finds no article, and the
 * named baseline of `bench/extract.ts`. Returns null instead of throwing.
 */
export function readabilityParse(html: string): ReadabilityResult | null {
  try {
    const { document } = parseHTML(html)
    const r = new Readability(document as unknown as ReadabilityDocument).parse()
    if (!r) return null
    return {
      title: r.title ?? '',
      byline: r.byline ?? null,
      textContent: r.textContent ?? '',
      content: r.content ?? '',
      excerpt: r.excerpt ?? null,
      publishedTime: r.publishedTime ?? null,
    }
  } catch {
    return null
  }
}
