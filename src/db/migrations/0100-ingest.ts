import type { Kysely } from 'kysely'
import { type DialectName, withId } from '../dialect.js'

/** Outlets, their feeds (feed, sitemap or listing page), articles and the raw HTML kept as evidence. */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await withId(db.schema.createTable('sources'), dialect)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('homepage', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('collection', 'text')
    .addColumn('verified', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('sources_homepage_idx').on('sources').column('homepage').unique().execute()

  await withId(db.schema.createTable('feeds'), dialect)
    .addColumn('source_id', 'integer', (c) => c.notNull().references('sources.id').onDelete('cascade'))
    .addColumn('url', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('format', 'text')
    .addColumn('title', 'text')
    .addColumn('selector', 'text')
    .addColumn('interval_minutes', 'integer', (c) => c.notNull().defaultTo(30))
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('etag', 'text')
    .addColumn('last_modified', 'text')
    .addColumn('last_checked_at', 'text')
    .addColumn('last_success_at', 'text')
    .addColumn('next_check_at', 'text', (c) => c.notNull())
    .addColumn('failures', 'real', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('last_error_code', 'text')
    .addColumn('last_error_grade', 'text')
    .addColumn('items_seen', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('feeds_due_idx').on('feeds').columns(['enabled', 'next_check_at']).execute()

  await withId(db.schema.createTable('articles'), dialect)
    .addColumn('source_id', 'integer', (c) => c.notNull().references('sources.id').onDelete('cascade'))
    .addColumn('feed_id', 'integer', (c) => c.references('feeds.id').onDelete('set null'))
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('canonical_url', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('author', 'text')
    .addColumn('published_at', 'text')
    .addColumn('modified_at', 'text')
    .addColumn('fetched_at', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('lead', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('content_html', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('image_url', 'text')
    .addColumn('word_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('simhash', 'text', (c) => c.notNull())
    .addColumn('sim_b0', 'integer', (c) => c.notNull())
    .addColumn('sim_b1', 'integer', (c) => c.notNull())
    .addColumn('sim_b2', 'integer', (c) => c.notNull())
    .addColumn('sim_b3', 'integer', (c) => c.notNull())
    .addColumn('mh_b0', 'integer', (c) => c.notNull())
    .addColumn('mh_b1', 'integer', (c) => c.notNull())
    .addColumn('mh_b2', 'integer', (c) => c.notNull())
    .addColumn('mh_b3', 'integer', (c) => c.notNull())
    .addColumn('minhash', dialect === 'sqlite' ? 'blob' : 'bytea', (c) => c.notNull())
    .addColumn('shingles', 'integer', (c) => c.notNull())
    .addColumn('dup_of', 'integer', (c) => c.references('articles.id').onDelete('set null'))
    .addColumn('warnings', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  for (const [name, cols] of [
    ['articles_published_idx', ['published_at']],
    ['articles_source_idx', ['source_id', 'published_at']],
    ['articles_hash_idx', ['content_hash']],
    ['articles_b0_idx', ['sim_b0']],
    ['articles_b1_idx', ['sim_b1']],
    ['articles_b2_idx', ['sim_b2']],
    ['articles_b3_idx', ['sim_b3']],
    ['articles_m0_idx', ['mh_b0']],
    ['articles_m1_idx', ['mh_b1']],
    ['articles_m2_idx', ['mh_b2']],
    ['articles_m3_idx', ['mh_b3']],
    ['articles_dup_idx', ['dup_of']],
  ] as const) {
    await db.schema
      .createIndex(name)
      .on('articles')
      .columns([...cols])
      .execute()
  }

  await db.schema
    .createTable('article_raw')
    .addColumn('article_id', 'integer', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
    .addColumn('fetched_at', 'text', (c) => c.notNull())
    .addColumn('final_url', 'text', (c) => c.notNull())
    .addColumn('http_status', 'integer', (c) => c.notNull())
    .addColumn('content_type', 'text')
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('html_gz', dialect === 'sqlite' ? 'blob' : 'bytea', (c) => c.notNull())
    .execute()
}
