import type { Insertable } from 'kysely'
import { z } from 'zod'
import type { ArticlesTable } from '../db/schema.js'
import { sha256Hex, contentKeyOfComparable } from '../ingest/dedupe/content-hash.js'
import { dedupeColumns } from '../ingest/dedupe/dedupe-columns.js'
import { MINHASH_K, minhashOfShingles } from '../ingest/dedupe/minhash.js'
import { shingleHashesOfComparable } from '../ingest/dedupe/shingles.js'
import { simhashOfShingles } from '../ingest/dedupe/simhash.js'
import { detectLanguage } from '../text/language.js'
import { normalizeText } from '../text/normalize.js'
import { lowerNormalized } from './index-article.js'

/** Title made from the text when a line has none: the first line, cut near this length. */
const TITLE_CHARS = 160

export const ImportLine = z.object({
  id: z.union([z.string().min(1).max(500), z.number().int()]),
  text: z.string().min(1),
  title: z.string().optional(),
  url: z.string().max(2000).optional(),
  source: z.string().min(1).max(200).optional(),
  lang: z.string().min(2).max(12).optional(),
  published_at: z.string().optional(),
})
export type ImportLine = z.infer<typeof ImportLine>

/** One line ready to store: the article row and its texts in the form the index is built from. */
export interface PreparedArticle {
  row: Insertable<ArticlesTable> & { canonical_url: string; lang: string; body_text: string; title: string }
  /** `lowerNormalized(title)` */
  titleLower: string
  /** `lowerNormalized(body)`: lead is empty on import */
  restLower: string
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

/** Words separated by one space or line break (what `normalizeText` leaves), as `split(/\s+/)` counts. */
function wordCount(text: string): number {
  let n = 1
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x20 || c === 0x0a) n++
  }
  return n
}

/**
 * The stored row of one line. The text is normalized once: the stored body keeps its line breaks;
 * the same text with breaks as spaces, lower-cased, is both the dedupe fingerprint's comparable form
 * (`comparableText`) and the index's token source (`lowerNormalized`), so neither normalizes again.
 */
export async function prepareArticle(
  line: ImportLine,
  sourceId: number,
  now: string,
): Promise<PreparedArticle> {
  const text = normalizeText(line.text, { keepNewlines: true })
  const comparable = text.replaceAll('\n', ' ').toLowerCase()
  // the same fingerprint columns ingest stores, so imported articles take part in syndication grouping
  const shingles = shingleHashesOfComparable(comparable)
  const dedupe = dedupeColumns({
    contentHash: sha256Hex(contentKeyOfComparable(comparable)),
    simhash: simhashOfShingles(shingles),
    minhash: minhashOfShingles(shingles, MINHASH_K),
    shingles: shingles.lo.length,
  })
  const lang = line.lang?.toLowerCase() ?? (await detectLanguage(text, {})).lang
  const key = `import:${line.id}`
  const title = line.title ? normalizeText(line.title) : makeTitle(text)
  return {
    row: {
      source_id: sourceId,
      url: line.url ?? key,
      canonical_url: key,
      title,
      published_at: publishedIso(line.published_at),
      fetched_at: now,
      lang,
      lead: '',
      body_text: text,
      content_html: '',
      word_count: wordCount(text),
      ...dedupe,
      created_at: now,
    },
    titleLower: lowerNormalized(title),
    restLower: comparable,
  }
}
