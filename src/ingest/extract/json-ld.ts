import { z } from 'zod'

/** What a schema.org Article-like JSON-LD node says about the page. */
export interface JsonLdArticle {
  headline?: string
  name?: string
  author?: string
  description?: string
  publisher?: string
  datePublished?: string
  dateModified?: string
  url?: string
  inLanguage?: string
}

const ARTICLE_TYPES =
  /^(Article|AdvertiserContentArticle|NewsArticle|AnalysisNewsArticle|AskPublicNewsArticle|BackgroundNewsArticle|OpinionNewsArticle|ReportageNewsArticle|ReviewNewsArticle|Report|SatiricalArticle|ScholarlyArticle|MedicalScholarlyArticle|SocialMediaPosting|BlogPosting|LiveBlogPosting|DiscussionForumPosting|TechArticle|APIReference|WebPage)$/
const CDATA = /^\s*<!\[CDATA\[|\]\]>\s*$/g

const str = z.string().trim().min(1)
const named = z.union([str, z.object({ name: str.optional(), '@id': str.optional() }).loose()])
const node = z
  .object({
    '@type': z.union([z.string(), z.array(z.string())]).optional(),
    headline: str.optional().catch(undefined),
    name: str.optional().catch(undefined),
    description: str.optional().catch(undefined),
    datePublished: str.optional().catch(undefined),
    dateModified: str.optional().catch(undefined),
    url: str.optional().catch(undefined),
    inLanguage: str.optional().catch(undefined),
    author: z
      .union([named, z.array(z.unknown())])
      .optional()
      .catch(undefined),
    publisher: named.optional().catch(undefined),
    mainEntityOfPage: named.optional().catch(undefined),
  })
  .loose()
type LdNode = z.infer<typeof node>

function typeMatches(t: LdNode['@type']): number {
  const types = Array.isArray(t) ? t : t ? [t] : []
  // A real article type beats a generic WebPage.
  if (types.some((x) => x !== 'WebPage' && ARTICLE_TYPES.test(x))) return 2
  return types.includes('WebPage') ? 1 : 0
}

function nameOf(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined
  const r = named.safeParse(v)
  if (!r.success) return undefined
  return typeof r.data === 'string' ? r.data : r.data.name
}

function authorOf(v: LdNode['author']): string | undefined {
  if (!v) return undefined
  const list = Array.isArray(v) ? v : [v]
  const names = list.map(nameOf).filter((x): x is string => !!x)
  return names.length > 0 ? names.join(', ') : undefined
}

/** Flattens arrays and `@graph` containers into candidate nodes. */
function flatten(parsed: unknown): unknown[] {
  const out: unknown[] = []
  const queue = [parsed]
  while (queue.length > 0) {
    const x = queue.shift()
    if (Array.isArray(x)) queue.push(...x)
    else if (x && typeof x === 'object') {
      out.push(x)
      const graph = (x as Record<string, unknown>)['@graph']
      if (Array.isArray(graph)) queue.push(...graph)
    }
  }
  return out
}

/** The best Article-like node among the page's JSON-LD blocks (invalid JSON is skipped). */
export function readJsonLd(blocks: string[]): JsonLdArticle | null {
  let best: LdNode | null = null
  let bestRank = 0
  for (const raw of blocks) {
    let parsed: unknown
    try {
      parsed = JSON.parse(raw.replace(CDATA, ''))
    } catch {
      continue
    }
    for (const candidate of flatten(parsed)) {
      const r = node.safeParse(candidate)
      if (!r.success) continue
      const rank = typeMatches(r.data['@type'])
      if (rank > bestRank) {
        best = r.data
        bestRank = rank
      }
    }
  }
  if (!best) return null
  const page = best.mainEntityOfPage
  return {
    headline: best.headline,
    name: best.name,
    author: authorOf(best.author),
    description: best.description,
    publisher: nameOf(best.publisher),
    datePublished: best.datePublished,
    dateModified: best.dateModified,
    url: best.url ?? (typeof page === 'string' ? page : page?.['@id']),
    inLanguage: best.inLanguage,
  }
}
