import type { Kysely } from 'kysely'
import { type DialectName, withId } from '../dialect.js'

/**
 * Pages a feed listed that are not articles (a section, tag or home page reached through a sitemap):
 * kept with the reason, so they are not fetched again every run nor stored as articles, and the feed
 * shows why its entries were passed over.
 */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await withId(db.schema.createTable('ingest_skipped_pages'), dialect)
    .addColumn('source_id', 'integer', (c) => c.notNull().references('sources.id').onDelete('cascade'))
    .addColumn('feed_id', 'integer', (c) => c.references('feeds.id').onDelete('cascade'))
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('canonical_url', 'text', (c) => c.notNull().unique())
    .addColumn('reason_code', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('times_seen', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('first_seen_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    /** the page is looked at again after this instant (a section page could become an article URL) */
    .addColumn('retry_after', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('ingest_skipped_pages_feed_idx')
    .on('ingest_skipped_pages')
    .column('feed_id')
    .execute()
}
