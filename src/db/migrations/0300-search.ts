import { type Kysely, sql } from 'kysely'
import { type DialectName, withId } from '../dialect.js'

/**
 * Search index (see docs/search.md). `search_docs` holds, per indexed article, the fields that filter
 * and facet (copied from articles/sources so a facet never reads the wide articles row). Words are
 * indexed twice, position for position: `exact` (normalized, lower case, with diacritics) and `folded`
 * (no diacritics, đ → d), for the title alone and for title + lead + body. SQLite: one contentless
 * FTS5 table keyed by article id. PostgreSQL: four tsvector columns on search_docs in one GIN index,
 * stored out of line (`toast_tuple_target`): the heap rows stay narrow (about 200 bytes), so counting
 * and faceting the matches of a common word reads a small heap, and only ranking and phrase checks
 * fetch the vectors. Saved searches are stored here too.
 */
const TSVECTOR_COLUMNS = ['title_exact', 'title_folded', 'text_exact', 'text_folded'] as const
/** Row size above which PostgreSQL moves the vectors out of line (its minimum, 128 bytes). */
const PG_TOAST_TARGET = 128

/** Is the server built with lz4 (PostgreSQL 14+ with --with-lz4)? */
async function hasLz4(db: Kysely<unknown>): Promise<boolean> {
  const r = await sql<{ ok: boolean }>`select exists (select 1 from pg_settings
    where name = 'default_toast_compression' and 'lz4' = any(enumvals)) as ok`.execute(db)
  return r.rows[0]?.ok === true
}

export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  let docs = db.schema
    .createTable('search_docs')
    .addColumn('article_id', 'integer', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
    .addColumn('source_id', 'integer', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('tone', 'real')
    .addColumn('indexed_at', 'text', (c) => c.notNull())
  if (dialect === 'postgres') {
    for (const c of TSVECTOR_COLUMNS) docs = docs.addColumn(c, sql`tsvector`, (col) => col.notNull())
    docs = docs.modifyEnd(sql`with (toast_tuple_target = ${sql.raw(String(PG_TOAST_TARGET))})`)
  }
  await docs.execute()
  if (dialect === 'postgres') {
    // never toast the short columns: below `toast_tuple_target` PostgreSQL would otherwise move them
    // out of line too, and sorting by date would fetch each date from the TOAST table
    for (const c of ['country', 'lang', 'published_at', 'day', 'indexed_at'])
      await sql`alter table search_docs alter column ${sql.id(c)} set storage plain`.execute(db)
  }
  if (dialect === 'postgres' && (await hasLz4(db))) {
    // lz4 compresses the vectors several times faster than the default pglz, at a similar size
    for (const c of TSVECTOR_COLUMNS)
      await sql`alter table search_docs alter column ${sql.id(c)} set compression lz4`.execute(db)
  }
  for (const [name, cols] of [
    ['search_docs_published_idx', ['published_at']],
    ['search_docs_day_idx', ['day']],
    ['search_docs_source_idx', ['source_id', 'published_at']],
  ] as const) {
    await db.schema
      .createIndex(name)
      .on('search_docs')
      .columns([...cols])
      .execute()
  }

  if (dialect === 'sqlite') {
    await sql`create virtual table search_fts using fts5(title_exact, title_folded, text_exact, text_folded,
      content='', contentless_delete=1, tokenize="unicode61 remove_diacritics 0")`.execute(db)
    // articles → search_docs cascades; the FTS rows follow through this trigger
    await sql`create trigger search_docs_fts_delete after delete on search_docs begin
      delete from search_fts where rowid = old.article_id; end`.execute(db)
  } else {
    // one GIN index over the four vectors: the words of a query AND-ed across columns (`kinh tế` is
    // folded `kinh` and exact `tế`) intersect inside one index scan; with one index per column the
    // planner filters the second word row by row, reading each candidate's out-of-line vector
    await sql`create index search_docs_words_gin on search_docs
      using gin (title_exact, title_folded, text_exact, text_folded)`.execute(db)
  }

  await withId(db.schema.createTable('saved_searches'), dialect)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('query', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'integer', (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('shared', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sort', 'text', (c) => c.notNull().defaultTo('date'))
    .addColumn('feed_token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('saved_searches_owner_idx').on('saved_searches').column('owner_id').execute()
}
