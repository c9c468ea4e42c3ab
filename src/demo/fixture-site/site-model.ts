import type { CorpusArticle, OutletDef } from './corpus-schema.js'
import { vnDayParts } from './outlet-dates.js'
import { slugify } from './slugify.js'

/** An article as the fixture site serves it: absolute URL and real dates. */
export interface SiteArticle extends CorpusArticle {
  /** stable number in the URL, derived from the id */
  num: number
  /** path on the fixture site, starting with the outlet's prefix */
  path: string
  url: string
  publishedAt: Date
  /** last edit, or the publication time */
  modifiedAt: Date
}

export interface SiteOutlet {
  def: OutletDef
  /** `baseUrl + pathPrefix` (no trailing slash) */
  base: string
  /** newest first */
  articles: SiteArticle[]
}

/** Article numbers look like a CMS's: six digits. */
const NUM_BASE = 100_000
const NUM_RANGE = 900_000
const HOUR_MS = 3_600_000

/** FNV-1a, 32 bits: a stable number per id, so URLs survive regenerating the corpus. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0
  return h
}

/** Unique article numbers: the hash, moved up past any number already taken (ids in sorted order). */
export function articleNumbers(ids: string[]): Map<string, number> {
  const taken = new Set<number>()
  const out = new Map<string, number>()
  for (const id of [...ids].sort()) {
    let n = NUM_BASE + (fnv1a(id) % NUM_RANGE)
    while (taken.has(n)) n = NUM_BASE + ((n - NUM_BASE + 1) % NUM_RANGE)
    taken.add(n)
    out.set(id, n)
  }
  return out
}

function articlePath(def: OutletDef, a: CorpusArticle, num: number, publishedAt: Date): string {
  const day = vnDayParts(publishedAt)
  const vars: Record<string, string> = { section: slugify(a.section), slug: a.slug, num: String(num), ...day }
  return def.pathPrefix + def.articlePath.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? '')
}

/** Places every article of the corpus on the site at `baseUrl`, dated `now - ageHours` (whole seconds). */
export function buildSiteModel(
  outlets: OutletDef[],
  corpus: CorpusArticle[],
  now: Date,
  baseUrl: string,
): SiteOutlet[] {
  const nowMs = Math.floor(now.getTime() / 1000) * 1000
  const nums = articleNumbers(corpus.map((a) => a.id))
  return outlets.map((def) => {
    const articles = corpus
      .filter((a) => a.outlet === def.key)
      .map((a): SiteArticle => {
        const publishedAt = new Date(nowMs - Math.round(a.ageHours * 3600) * 1000)
        const num = nums.get(a.id)!
        const path = articlePath(def, a, num, publishedAt)
        const modifiedAt = new Date(publishedAt.getTime() + (a.updatedAfterHours ?? 0) * HOUR_MS)
        return { ...a, num, path, url: baseUrl + path, publishedAt, modifiedAt }
      })
      .sort((x, y) => y.publishedAt.getTime() - x.publishedAt.getTime())
    return { def, base: baseUrl + def.pathPrefix, articles }
  })
}
