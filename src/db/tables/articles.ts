import { type Insertable, type Kysely, type Selectable, sql } from 'kysely'
import type { ArticleRawTable, ArticlesTable, Database } from '../schema.js'

export type ArticleRow = Selectable<ArticlesTable>
export type NewArticle = Insertable<ArticlesTable>

export const findArticleByCanonicalUrl = (db: Kysely<Database>, canonicalUrl: string) =>
  db
    .selectFrom('articles')
    .select(['id', 'dup_of'])
    .where('canonical_url', '=', canonicalUrl)
    .executeTakeFirst()

export const findArticle = (db: Kysely<Database>, id: number) =>
  db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst()

/** Which of these canonical URLs are already stored: one query for a whole feed's entries. */
export async function existingCanonicalUrls(db: Kysely<Database>, urls: string[]): Promise<Set<string>> {
  const out = new Set<string>()
  for (let i = 0; i < urls.length; i += 500) {
    const rows = await db
      .selectFrom('articles')
      .select('canonical_url')
      .where('canonical_url', 'in', urls.slice(i, i + 500))
      .execute()
    for (const r of rows) out.add(r.canonical_url)
  }
  return out
}

/**
 * Inserts an article and its raw HTML in one transaction. Idempotent by canonical URL: a second
 * insert of the same URL (a re-fetch, a crash replay, a race between workers) returns the stored id.
 */
export async function insertArticle(
  db: Kysely<Database>,
  a: NewArticle,
  raw: Omit<ArticleRawTable, 'article_id'>,
): Promise<{ id: number; created: boolean }> {
  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('articles')
      .values(a)
      .onConflict((oc) => oc.column('canonical_url').doNothing())
      .returning('id')
      .executeTakeFirst()
    if (!inserted) {
      const existing = await findArticleByCanonicalUrl(trx, a.canonical_url)
      return { id: existing!.id, created: false }
    }
    await trx
      .insertInto('article_raw')
      .values({ ...raw, article_id: inserted.id })
      .execute()
    return { id: inserted.id, created: true }
  })
}

/**
 * Earlier articles sharing any SimHash or MinHash band with these columns, within a time window: the
 * near-duplicate candidates, to be verified with `isNearDuplicate`.
 */
export const nearDuplicateCandidates = (
  db: Kysely<Database>,
  c: Pick<ArticlesTable, 'sim_b0' | 'sim_b1' | 'sim_b2' | 'sim_b3' | 'mh_b0' | 'mh_b1' | 'mh_b2' | 'mh_b3'>,
  since: string,
  limit = 50,
) =>
  db
    .selectFrom('articles')
    .select(['id', 'dup_of', 'content_hash', 'simhash', 'minhash', 'shingles'])
    .where((eb) =>
      eb.or(
        (['sim_b0', 'sim_b1', 'sim_b2', 'sim_b3', 'mh_b0', 'mh_b1', 'mh_b2', 'mh_b3'] as const)
          .filter((k) => c[k] >= 0)
          .map((k) => eb(k, '=', c[k])),
      ),
    )
    .where('fetched_at', '>=', since)
    .orderBy('id')
    .limit(limit)
    .execute()

export const findByContentHash = (db: Kysely<Database>, hash: string) =>
  db
    .selectFrom('articles')
    .select(['id', 'dup_of'])
    .where('content_hash', '=', hash)
    .orderBy('id')
    .limit(1)
    .executeTakeFirst()

/** Articles newest first, for the plain list (paginated by offset). */
export const listArticles = (
  db: Kysely<Database>,
  opts: { limit: number; offset: number; sourceId?: number | undefined },
) => {
  let q = db
    .selectFrom('articles')
    .innerJoin('sources', 'sources.id', 'articles.source_id')
    .select([
      'articles.id',
      'articles.title',
      'articles.url',
      'articles.published_at',
      'articles.fetched_at',
      'articles.lang',
      'articles.dup_of',
      'sources.name as source_name',
    ])
  if (opts.sourceId !== undefined) q = q.where('articles.source_id', '=', opts.sourceId)
  return q
    .orderBy(sql`coalesce(articles.published_at, articles.fetched_at)`, 'desc')
    .orderBy('articles.id', 'desc')
    .limit(opts.limit)
    .offset(opts.offset)
    .execute()
}

export async function countArticles(db: Kysely<Database>): Promise<number> {
  const r = await db
    .selectFrom('articles')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirst()
  return Number(r?.n ?? 0)
}

/** The syndication group of an article: the representative and every copy, with their outlets. */
export function syndicationGroup(db: Kysely<Database>, representativeId: number) {
  return db
    .selectFrom('articles')
    .innerJoin('sources', 'sources.id', 'articles.source_id')
    .select([
      'articles.id',
      'articles.title',
      'articles.url',
      'articles.published_at',
      'sources.name as source_name',
    ])
    .where((eb) =>
      eb.or([eb('articles.id', '=', representativeId), eb('articles.dup_of', '=', representativeId)]),
    )
    .orderBy('articles.id')
    .execute()
}
