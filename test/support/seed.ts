import type { Kysely } from 'kysely'
import { dedupeColumns } from '../../src/ingest/dedupe/dedupe-columns.js'
import { fingerprint } from '../../src/ingest/dedupe/fingerprint.js'
import type { Database, SourceKind } from '../../src/db/schema.js'
import { insertArticle } from '../../src/db/tables/articles.js'
import { upsertSource } from '../../src/db/tables/sources.js'

let n = 0

/** Stores an article as ingest would (hashes, bands, raw copy), without fetching anything. */
export async function seedArticle(
  db: Kysely<Database>,
  a: {
    title: string
    body: string
    lead?: string
    lang?: string
    source?: string
    kind?: SourceKind
    country?: string
    publishedAt?: string
    dupOf?: number | null
  },
): Promise<number> {
  const source = await upsertSource(db, {
    name: a.source ?? 'Báo Mẫu',
    homepage: `https://${(a.source ?? 'bao-mau').toLowerCase().replace(/[^a-z0-9]+/g, '-')}.example/`,
    country: a.country ?? 'VN',
    lang: a.lang ?? 'vi',
    kind: a.kind ?? 'domestic',
  })
  const url = `${source.homepage}bai-${++n}-${Date.now()}`
  const now = new Date().toISOString()
  const r = await insertArticle(
    db,
    {
      source_id: source.id,
      feed_id: null,
      url,
      canonical_url: url,
      title: a.title,
      author: null,
      published_at: a.publishedAt ?? now,
      modified_at: null,
      fetched_at: now,
      lang: a.lang ?? 'vi',
      lead: a.lead ?? '',
      body_text: a.body,
      content_html: '',
      image_url: null,
      word_count: a.body.split(/\s+/).length,
      ...dedupeColumns(fingerprint(`${a.title}\n${a.body}`)),
      dup_of: a.dupOf ?? null,
      warnings: null,
      created_at: now,
    },
    {
      fetched_at: now,
      final_url: url,
      http_status: 200,
      content_type: 'text/html',
      sha256: 'x',
      html_gz: new Uint8Array([1]),
    },
  )
  return r.id
}
