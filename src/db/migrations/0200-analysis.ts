import type { Kysely } from 'kysely'
import { type DialectName, withId } from '../dialect.js'

/** Analysis results per article (language, places, topics, tone, story), stories, the gazetteer, user topics. */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  for (const [name, type] of [
    ['analyzed_at', 'text'],
    ['analysis_error', 'text'],
    ['lang_reason', 'text'],
    ['tone', 'real'],
    ['tone_json', 'text'],
    ['home_score', 'real'],
    ['home_level', 'text'],
    ['news_topic', 'text'],
    ['news_score', 'real'],
    ['story_id', 'integer'],
  ] as const) {
    await db.schema.alterTable('articles').addColumn(name, type).execute()
  }
  await db.schema.createIndex('articles_story_idx').on('articles').column('story_id').execute()
  await db.schema.createIndex('articles_analyzed_idx').on('articles').column('analyzed_at').execute()
  await db.schema.createIndex('articles_home_idx').on('articles').columns(['home_level', 'published_at']).execute()

  await db.schema
    .createTable('article_places')
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('place_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('in_title', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('in_lead', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('mentions', 'integer', (c) => c.notNull())
    .addColumn('confidence', 'real', (c) => c.notNull())
    .addPrimaryKeyConstraint('article_places_pk', ['article_id', 'place_id'])
    .execute()
  await db.schema.createIndex('article_places_place_idx').on('article_places').column('place_id').execute()

  await db.schema
    .createTable('article_topics')
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('score', 'real', (c) => c.notNull())
    .addColumn('why_json', 'text')
    .addPrimaryKeyConstraint('article_topics_pk', ['article_id', 'topic'])
    .execute()
  await db.schema.createIndex('article_topics_topic_idx').on('article_topics').column('topic').execute()

  await withId(db.schema.createTable('stories'), dialect)
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('first_seen', 'text', (c) => c.notNull())
    .addColumn('last_seen', 'text', (c) => c.notNull())
    .addColumn('article_count', 'integer', (c) => c.notNull())
    .addColumn('centroid_json', 'text', (c) => c.notNull())
    .addColumn('keys_json', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('stories_open_idx').on('stories').columns(['lang', 'last_seen']).execute()
  await db.schema
    .createTable('story_links')
    .addColumn('story_id', 'integer', (c) => c.notNull().references('stories.id').onDelete('cascade'))
    .addColumn('other_id', 'integer', (c) => c.notNull().references('stories.id').onDelete('cascade'))
    .addColumn('shared_json', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('story_links_pk', ['story_id', 'other_id'])
    .execute()

  await db.schema
    .createTable('places')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('era', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text')
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'text')
    .addColumn('record_json', 'text', (c) => c.notNull())
    .execute()

  await withId(db.schema.createTable('user_topics'), dialect)
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('description', 'text')
    .addColumn('owner_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('model_json', 'text')
    .addColumn('metrics_json', 'text')
    .addColumn('trained_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createTable('topic_labels')
    .addColumn('topic_id', 'integer', (c) => c.notNull().references('user_topics.id').onDelete('cascade'))
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('label', 'integer', (c) => c.notNull())
    .addColumn('user_id', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('topic_labels_pk', ['topic_id', 'article_id'])
    .execute()
}
