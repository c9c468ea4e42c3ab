import { parseHTML } from 'linkedom'
import type { CorpusArticle } from './corpus-schema.js'
import { loadCorpus } from './load-corpus.js'

/** A fixed clock with milliseconds, so tests also check that dates are cut to whole seconds. */
export const TEST_NOW = new Date('2026-03-01T03:17:42.500Z')

/** Publication time the site must show for an article: `now - ageHours`, whole seconds. */
export function expectedPublished(a: CorpusArticle, now = TEST_NOW): number {
  return Math.floor(now.getTime() / 1000) * 1000 - Math.round(a.ageHours * 3600) * 1000
}

export const articlesOf = (outlet: string) => loadCorpus().filter((a) => a.outlet === outlet)

/** Text of a fetched URL, asserting a 200. */
export async function getText(url: string, headers: Record<string, string> = {}): Promise<string> {
  const res = await fetch(url, { headers })
  if (res.status !== 200) throw new Error(`${url}: HTTP ${res.status}`)
  return res.text()
}

export function html(source: string) {
  return parseHTML(source).document
}

export function xmlLocs(xml: string, tag = 'loc'): string[] {
  return [...xml.matchAll(new RegExp(`<${tag}>([^<]*)</${tag}>`, 'g'))].map((m) => decodeXml(m[1]!))
}

function decodeXml(s: string): string {
  return s.replace(
    /&(amp|lt|gt|quot|#39);/g,
    (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e]!,
  )
}

/** An `&` that does not start an entity: proof of a missed escape in XML. */
export const BARE_AMPERSAND = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/
