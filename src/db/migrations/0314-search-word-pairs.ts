import { type Kysely, sql } from 'kysely'
import type { DialectName } from '../dialect.js'
import { SAMPLE_MODULUS } from './0313-search-ranges-in-words-index.js'

/**
 * PostgreSQL: each pair of adjacent words of an article's text is a key of the words index, so a
 * two-word phrase is found in the index alone (Elasticsearch's `index_phrases`). A phrase query on a
 * tsvector is lossy in GIN: the index returns every article holding both words and each is checked
 * against its out-of-line vector's positions (`"Biển Đông"` at a million articles: 8,400 vectors
 * read, 0.2 s, to find the matches). `search_word_pairs` builds the pairs from a stored vector's own
 * positions, so they mean exactly what `a <-> b` on that vector means (PostgreSQL's limits on
 * positions included); the index holds them for the exact and the folded text and the table stores
 * nothing more. The function costs about 0.15 ms per article: computed once per article written and
 * by a filter only where the planner cannot use the index, which the query compiler avoids (under
 * NOT it checks positions instead, see backends/pg-compile.ts).
 * The migration rebuilds the words index (minutes at a million articles).
 */
export const WORD_PAIRS_FUNCTION = 'search_word_pairs'
const BUILD_MEMORY = '512MB'

export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  if (dialect !== 'postgres') return
  await sql`create or replace function ${sql.raw(WORD_PAIRS_FUNCTION)}(v tsvector) returns tsvector
    language sql immutable strict parallel safe as $body$
      select coalesce(array_to_tsvector(array_agg(p)), ''::tsvector) from (
        select lexeme || ' ' || lead(lexeme) over w as p, lead(pos) over w as next_pos, pos
        from (select u.lexeme, unnest(u.positions) as pos from unnest(v) u) t
        window w as (order by pos)) s
      where next_pos = pos + 1
    $body$`.execute(db)
  await sql`select set_config('maintenance_work_mem', ${BUILD_MEMORY}, true)`.execute(db)
  await sql`drop index if exists search_docs_words_gin`.execute(db)
  await sql`create index search_docs_words_gin on search_docs using gin (article_id,
    (hashint4(article_id) & ${sql.lit(SAMPLE_MODULUS - 1)}), day, title_exact, title_folded, text_exact, text_folded,
    ${sql.raw(WORD_PAIRS_FUNCTION)}(text_exact), ${sql.raw(WORD_PAIRS_FUNCTION)}(text_folded))`.execute(db)
}
