import type { Kysely } from 'kysely'

/**
 * Which articles each watchlist has matched (the triage queue covers every watchlist), and how far
 * each watchlist's matching pass has read (by the time articles reached the office).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('watchlist_matches')
    .addColumn('watchlist_id', 'integer', (c) => c.notNull().references('watchlists.id').onDelete('cascade'))
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('matched_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('watchlist_matches_pk', ['watchlist_id', 'article_id'])
    .execute()
  await db.schema
    .createIndex('watchlist_matches_article_idx')
    .on('watchlist_matches')
    .column('article_id')
    .execute()
  await db.schema
    .createTable('watchlist_match_marks')
    .addColumn('watchlist_id', 'integer', (c) =>
      c.primaryKey().references('watchlists.id').onDelete('cascade'),
    )
    .addColumn('matched_through', 'text', (c) => c.notNull())
    .execute()
}
