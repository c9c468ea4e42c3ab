import { createInterface } from 'node:readline'
import type { Readable } from 'node:stream'
import type { Insertable } from 'kysely'
import { z } from 'zod'
import type { Db } from '../db/database.js'
import type { ArticlesTable } from '../db/schema.js'
import { upsertSource } from '../db/tables/sources.js'
import { dedupeColumns } from '../ingest/dedupe/dedupe-columns.js'
import { fingerprint } from '../ingest/dedupe/fingerprint.js'
import { detectLanguage } from '../text/language.js'
import { normalizeText } from '../text/normalize.js'
import { buildIndexDoc, indexArticles, writeIndexDocs } from './index-article.js'

/** Lines per transaction: large enough to amortise commits, small enough to bound memory. */
export const IMPORT_BATCH = 500
/** Title made from the text when a line has none: the first line, cut near this length. */
const TITLE_CHARS = 160
/** Problems reported in detail; further bad lines are only counted. */
const MAX_REPORTED_ERRORS = 100

const Line = z.object({
  id: z.union([z.string().min(1).max(500), z.number().int()]),
  text: z.string().min(1),
  title: z.string().optional(),
  url: z.string().max(2000).optional(),
  source: z.string().min(1).max(200).optional(),
  lang: z.string().min(2).max(12).optional(),
  published_at: z.string().optional(),
})
type Line = z.infer<typeof Line>

export interface ImportProgress {
  lines: number
  imported: number
  updated: number
  failed: number
}

export interface ImportResult extends ImportProgress {
  errors: { line: number; message: string }[]
}

export interface ImportOptions {
  onProgress?: (p: ImportProgress) => void
  /** source name for lines without one */
  defaultSource?: string
}

/**
 * Imports JSON lines (`id`, `text`, optional `title`, `url`, `source`, `lang`, `published_at`) as
 * articles and indexes them in the same transaction batches. Sources are found or created by name
 * (homepage `import:<name>`), articles keyed by canonical URL `import:<id>`: importing a file again
 * updates the articles instead of duplicating them. Bad lines are reported and skipped.
 */
export async function importJsonl(
  store: Db,
  input: Readable,
  opts: ImportOptions = {},
): Promise<ImportResult> {
  const result: ImportResult = { lines: 0, imported: 0, updated: 0, failed: 0, errors: [] }
  const sources = new Map<string, { id: number; country: string }>()
  let batch: { n: number; line: Line }[] = []
  const fail = (n: number, message: string) => {
    result.failed++
    if (result.errors.length < MAX_REPORTED_ERRORS) result.errors.push({ line: n, message })
  }
  const flush = async () => {
    if (batch.length === 0) return
    await importBatch(store, batch, sources, result, opts.defaultSource ?? 'import')
    batch = []
    opts.onProgress?.({
      lines: result.lines,
      imported: result.imported,
      updated: result.updated,
      failed: result.failed,
    })
  }
  for await (const raw of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
    const n = ++result.lines
    if (raw.trim() === '') continue
    let parsed: unknown
    try {
      parsed = JSON.parse(raw)
    } catch {
      fail(n, 'not valid JSON')
      continue
    }
    const line = Line.safeParse(parsed)
    if (!line.success)
      fail(n, line.error.issues.map((i) => `${i.path.join('.') || 'line'}: ${i.message}`).join('; '))
    else batch.push({ n, line: line.data })
    if (batch.length >= IMPORT_BATCH) await flush()
  }
  await flush()
  return result
}

function makeTitle(text: string): string {
  const first = normalizeText(text.split('\n', 1)[0] ?? '')
  if (first.length <= TITLE_CHARS) return first
  const cut = first.lastIndexOf(' ', TITLE_CHARS)
  return `${first.slice(0, cut > 40 ? cut : TITLE_CHARS)}…`
}

function publishedIso(s: string | undefined): string | null {
  if (!s) return null
  const d = new Date(s)
  return Number.isNaN(d.getTime()) ? null : d.toISOString()
}

async function articleRow(line: Line, sourceId: number, now: string): Promise<Insertable<ArticlesTable>> {
  const text = normalizeText(line.text, { keepNewlines: true })
  // the same fingerprint columns ingest stores, so imported articles take part in syndication grouping
  const dedupe = dedupeColumns(fingerprint(text))
  const lang = line.lang?.toLowerCase() ?? (await detectLanguage(text, {})).lang
  const key = `import:${line.id}`
  return {
    source_id: sourceId,
    url: line.url ?? key,
    canonical_url: key,
    title: line.title ? normalizeText(line.title) : makeTitle(text),
    published_at: publishedIso(line.published_at),
    fetched_at: now,
    lang,
    lead: '',
    body_text: text,
    content_html: '',
    word_count: text.split(/\s+/).length,
    ...dedupe,
    created_at: now,
  }
}

async function sourceFor(
  store: Db,
  name: string,
  lang: string,
  cache: Map<string, { id: number; country: string }>,
) {
  let s = cache.get(name)
  if (s === undefined) {
    const row = await upsertSource(store.db, {
      name,
      homepage: `import:${name}`,
      country: 'ZZ',
      lang,
      kind: 'other',
    })
    s = { id: row.id, country: row.country }
    cache.set(name, s)
  }
  return s
}

async function importBatch(
  store: Db,
  batch: { n: number; line: Line }[],
  sources: Map<string, { id: number; country: string }>,
  result: ImportResult,
  defaultSource: string,
) {
  const now = new Date().toISOString()
  const rows: Insertable<ArticlesTable>[] = []
  const countries: string[] = []
  for (const { line } of batch) {
    const s = await sourceFor(store, normalizeText(line.source ?? defaultSource), line.lang ?? 'vi', sources)
    rows.push(await articleRow(line, s.id, now))
    countries.push(s.country)
  }
  // a file may repeat an id: the last line wins, as it would on a second import
  const last = new Map(rows.map((r, i) => [r.canonical_url, i]))
  const unique = [...last.values()].map((i) => ({ row: rows[i]!, country: countries[i]! }))
  const before = await store.db
    .selectFrom('articles')
    .select('canonical_url')
    .where(
      'canonical_url',
      'in',
      unique.map((u) => u.row.canonical_url),
    )
    .execute()
  const ids = await store.db
    .insertInto('articles')
    .values(unique.map((u) => u.row))
    .onConflict((oc) =>
      oc.column('canonical_url').doUpdateSet((eb) => ({
        source_id: eb.ref('excluded.source_id'),
        url: eb.ref('excluded.url'),
        title: eb.ref('excluded.title'),
        published_at: eb.ref('excluded.published_at'),
        lang: eb.ref('excluded.lang'),
        body_text: eb.ref('excluded.body_text'),
        word_count: eb.ref('excluded.word_count'),
        content_hash: eb.ref('excluded.content_hash'),
        simhash: eb.ref('excluded.simhash'),
        sim_b0: eb.ref('excluded.sim_b0'),
        sim_b1: eb.ref('excluded.sim_b1'),
        sim_b2: eb.ref('excluded.sim_b2'),
        sim_b3: eb.ref('excluded.sim_b3'),
        mh_b0: eb.ref('excluded.mh_b0'),
        mh_b1: eb.ref('excluded.mh_b1'),
        mh_b2: eb.ref('excluded.mh_b2'),
        mh_b3: eb.ref('excluded.mh_b3'),
        minhash: eb.ref('excluded.minhash'),
        shingles: eb.ref('excluded.shingles'),
      })),
    )
    .returning(['id', 'canonical_url'])
    .execute()
  const idOf = new Map(ids.map((r) => [r.canonical_url, r.id]))
  const existed = new Set(before.map((b) => b.canonical_url))
  await writeIndexDocs(
    store,
    unique
      .filter((u) => !existed.has(u.row.canonical_url))
      .map(({ row, country }) =>
        buildIndexDoc(
          {
            id: idOf.get(row.canonical_url)!,
            source_id: row.source_id,
            country,
            lang: row.lang,
            title: row.title,
            lead: '',
            body_text: row.body_text ?? '',
            published_at: row.published_at ?? null,
            fetched_at: now,
            tone: null,
          },
          now,
        ),
      ),
  )
  // updated articles may carry analysis (tone): re-read them rather than index what the line says
  await indexArticles(
    store,
    before.map((b) => idOf.get(b.canonical_url)!),
  )
  result.updated += before.length
  result.imported += unique.length - before.length
}
