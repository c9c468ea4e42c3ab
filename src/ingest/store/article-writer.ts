import type { Insertable, Kysely, Transaction } from 'kysely'
import {
  findArticleByCanonicalUrl,
  findByContentHash,
  nearDuplicateCandidates,
} from '../../db/tables/articles.js'
import type { ArticleRawTable, ArticlesTable, Database } from '../../db/schema.js'
import { type DedupeColumns, fingerprintFromColumns } from '../dedupe/dedupe-columns.js'
import { type Fingerprint, isNearDuplicate } from '../dedupe/fingerprint.js'

/** Articles written in one transaction at most: one commit instead of 32 while pages come in fast. */
export const MAX_BATCH = 32
/**
 * How long the first article of a batch waits for others: a few milliseconds of latency against one
 * commit (WAL append, index pages) per article.
 */
const GATHER_MS = 5

export interface PendingArticle {
  /** the row without its group; `dup_of` is decided in the write step */
  row: Omit<Insertable<ArticlesTable>, 'dup_of'>
  raw: Omit<ArticleRawTable, 'article_id'>
  cols: DedupeColumns
  fp: Fingerprint
  /** near-duplicates are looked for among articles fetched since this instant */
  since: string
}

export interface Written {
  id: number
  created: boolean
  dupOf: number | null
}

interface Queued {
  a: PendingArticle
  resolve(w: Written): void
  reject(e: unknown): void
}

interface Writer {
  queue: Queued[]
  running: boolean
}

const writers = new WeakMap<Kysely<Database>, Writer>()

/**
 * Stores an article with its raw page, in its syndication group. Articles arriving while a write is
 * under way are written together in the next transaction (up to `MAX_BATCH`): group lookup and
 * insert still run one article after the other, so two copies of a release fetched together see each
 * other. Resolves only once the transaction holding the article has committed; a batch that fails is
 * retried one article per transaction, so one bad row fails alone. Idempotent by canonical URL.
 */
export function writeArticle(db: Kysely<Database>, a: PendingArticle): Promise<Written> {
  let w = writers.get(db)
  if (!w) {
    w = { queue: [], running: false }
    writers.set(db, w)
  }
  const writer = w
  return new Promise<Written>((resolve, reject) => {
    writer.queue.push({ a, resolve, reject })
    if (!writer.running) {
      writer.running = true
      // let the pages extracted in the next few milliseconds join the batch
      setTimeout(() => void drain(db, writer), GATHER_MS)
    }
  })
}

async function drain(db: Kysely<Database>, w: Writer): Promise<void> {
  while (w.queue.length > 0) {
    const batch = w.queue.splice(0, MAX_BATCH)
    try {
      const out = await db.transaction().execute(async (trx) => {
        const done: Written[] = []
        for (const q of batch) done.push(await writeOne(trx, q.a))
        return done
      })
      for (const [i, q] of batch.entries()) q.resolve(out[i]!)
    } catch {
      for (const q of batch) {
        try {
          q.resolve(await db.transaction().execute((trx) => writeOne(trx, q.a)))
        } catch (e) {
          q.reject(e)
        }
      }
    }
  }
  w.running = false
}

async function writeOne(trx: Transaction<Database>, a: PendingArticle): Promise<Written> {
  const dupOf = await findGroup(trx, a)
  const inserted = await trx
    .insertInto('articles')
    .values({ ...a.row, dup_of: dupOf })
    .onConflict((oc) => oc.column('canonical_url').doNothing())
    .returning('id')
    .executeTakeFirst()
  if (!inserted) {
    const existing = await findArticleByCanonicalUrl(trx, a.row.canonical_url)
    if (!existing) throw new Error(`article ${a.row.canonical_url} neither inserted nor found`)
    return { id: existing.id, created: false, dupOf: existing.dup_of }
  }
  await trx
    .insertInto('article_raw')
    .values({ ...a.raw, article_id: inserted.id })
    .execute()
  return { id: inserted.id, created: true, dupOf }
}

/** The representative of the article's syndication group, if an earlier article is the same text. */
async function findGroup(trx: Transaction<Database>, a: PendingArticle): Promise<number | null> {
  const exact = await findByContentHash(trx, a.cols.content_hash)
  if (exact) return exact.dup_of ?? exact.id
  for (const cand of await nearDuplicateCandidates(trx, a.cols, a.since)) {
    if (isNearDuplicate(a.fp, fingerprintFromColumns(cand))) return cand.dup_of ?? cand.id
  }
  return null
}
