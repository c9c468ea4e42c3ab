import { type Kysely, sql } from 'kysely'
import type { DialectName } from '../dialect.js'

/**
 * PostgreSQL: the words index also holds each row's id, a sample key (the id's hash modulo
 * `SAMPLE_MODULUS`: ids modulo 32 would follow any period in how articles arrive, two feeds taking
 * turns, say) and day (btree_gin), so a search limited to part of the archive (the newest ids or days, one id in 32
 * to estimate a large total) is narrowed inside the one index scan, before any match is checked
 * against its out-of-line vector. Before, the part was a separate condition the planner applied after
 * the words' scan whenever its estimates said so: at a million articles `"bien dong"` among 1,000 ids
 * read 26,000 vectors (0.5 s). A range open at one end is one key (`article_id > n`, `day >= d`); a
 * range closed at both ends would be two keys each reading its whole side of the index, so bounded
 * ranges stay with the B-trees.
 * btree_gin ships with PostgreSQL (contrib) and is a trusted extension: a database owner may create it.
 * It goes to `public`, never to an application schema that may be dropped with its tables (the index
 * finds the operator classes whatever the search path); an advisory lock lets several schemas of one
 * database migrate at once (tests) without racing to create it.
 */
/** A power of two: the key is the hash's low bits. */
export const SAMPLE_MODULUS = 32
const BUILD_MEMORY = '512MB'

export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  if (dialect !== 'postgres') return
  await sql`select pg_advisory_xact_lock(hashtext('haidang_btree_gin'))`.execute(db)
  await sql`create extension if not exists btree_gin schema public`.execute(db)
  await sql`select set_config('maintenance_work_mem', ${BUILD_MEMORY}, true)`.execute(db)
  await sql`drop index if exists search_docs_words_gin`.execute(db)
  await sql`create index search_docs_words_gin on search_docs using gin (article_id,
    (hashint4(article_id) & ${sql.lit(SAMPLE_MODULUS - 1)}), day, title_exact, title_folded, text_exact, text_folded)`.execute(
    db,
  )
}
