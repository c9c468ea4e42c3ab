import { createHash } from 'node:crypto'
import { gunzipSync } from 'node:zlib'
import type { Kysely } from 'kysely'
import { loadConfig } from '../../src/config/load-config.js'
import type { Database } from '../../src/db/schema.js'
import { createIngestContext, type IngestContext } from '../../src/ingest/ingest-context.js'
import { addSource } from '../../src/ingest/sources/add-source.js'
import type { FetchResult } from '../../src/ingest/fetch/fetch-types.js'
import { silentLogger } from '../../src/shared/logger.js'

/** The actor tests add sources as. */
export const TEST_ACTOR = { userId: null, actor: 'test' }

export interface SourceSpec {
  name: string
  homepage: string
  country?: string
  lang?: 'vi' | 'en'
  kind?: 'domestic' | 'foreign' | 'government' | 'other'
  feeds: { url: string; kind: 'feed' | 'sitemap' | 'listing'; selector?: string }[]
}

/** Adds sources through the product's own `addSource` (validated, audited). */
export async function seedSources(db: Kysely<Database>, specs: SourceSpec[]) {
  const out = []
  for (const s of specs) {
    out.push(
      await addSource(
        db,
        {
          name: s.name,
          homepage: s.homepage,
          country: s.country ?? 'VN',
          lang: s.lang ?? 'vi',
          kind: s.kind ?? 'domestic',
          feeds: s.feeds,
        },
        TEST_ACTOR,
      ),
    )
  }
  return out
}

/** One fetched response, as the spy saw it. */
export interface SeenFetch {
  url: string
  status: number
  notModified: boolean
}

/**
 * An ingest context built the product's way (`loadConfig` + `createIngestContext`), allowed to reach
 * the given loopback `host:port` only, unpaced, with a spy on every GET the client makes.
 */
export function testIngestContext(
  db: Kysely<Database>,
  allowHostPort: string,
  overrides: { fetchTimeoutMs?: number; fetchMaxBytes?: number; fetchPerHost?: number } = {},
) {
  const config = loadConfig({
    env: {},
    overrides: {
      fetchAllowPrivate: allowHostPort,
      fetchMinDelayMs: '0',
      fetchPerHost: String(overrides.fetchPerHost ?? 4),
      ...(overrides.fetchTimeoutMs ? { fetchTimeoutMs: String(overrides.fetchTimeoutMs) } : {}),
      ...(overrides.fetchMaxBytes ? { fetchMaxBytes: String(overrides.fetchMaxBytes) } : {}),
    },
  })
  const ctx = createIngestContext(config, db, silentLogger())
  const seen: SeenFetch[] = []
  const inner = ctx.client
  const client: IngestContext['client'] = {
    robots: (url) => inner.robots(url),
    get: async (url, req) => {
      const res: FetchResult = await inner.get(url, req)
      seen.push({ url, status: res.status, notModified: res.notModified })
      return res
    },
  }
  return Object.assign(ctx, { client, seen })
}

/** Every stored raw page whose gzip does not inflate to bytes matching its SHA-256, by article id. */
export async function rawMismatches(db: Kysely<Database>): Promise<number[]> {
  const rows = await db
    .selectFrom('articles')
    .leftJoin('article_raw', 'article_raw.article_id', 'articles.id')
    .select(['articles.id', 'article_raw.sha256', 'article_raw.html_gz'])
    .execute()
  return rows
    .filter((r) => {
      if (!r.html_gz || !r.sha256) return true
      const html = gunzipSync(r.html_gz)
      return html.length === 0 || createHash('sha256').update(html).digest('hex') !== r.sha256
    })
    .map((r) => r.id)
}

/** Markup that must never be stored in `content_html`: scripts, styles, handlers, script URLs. */
export const UNSAFE_MARKUP =
  /<\s*(?:script|style|iframe|object|embed|svg|math|form|base|meta|link)\b|\son[a-z]+\s*=|(?:href|src|action|formaction|xlink:href)\s*=\s*["']?\s*(?:javascript|vbscript|data):/i
