import type { Kysely } from 'kysely'

/**
 * Dashboard indexes (see docs/workspace.md). `articles_dashboard_idx` covers every column the
 * dashboard's period scans read (period, home scope, tone, language, source, story), so the
 * aggregates of 30 days never visit the article rows; `articles_fetched_idx` finds the articles new
 * since a user's last visit; `article_topics_rule_idx` lets the topic chart join rule topics without
 * reading the topic rows.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('articles_dashboard_idx')
    .on('articles')
    .columns(['published_at', 'home_level', 'tone', 'lang', 'source_id', 'story_id'])
    .execute()
  await db.schema.createIndex('articles_fetched_idx').on('articles').column('fetched_at').execute()
  await db.schema
    .createIndex('article_topics_rule_idx')
    .on('article_topics')
    .columns(['article_id', 'source', 'topic'])
    .execute()
}
