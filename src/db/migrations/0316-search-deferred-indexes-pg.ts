import { type Kysely, sql } from 'kysely'
import type { DialectName } from '../dialect.js'

/**
 * PostgreSQL: the words index a large import dropped and must build again, as SQLite has had since
 * 0310 (name and `create index` statement; a row here is an index currently missing). Keeping the
 * words index up row by row is most of a PostgreSQL import at scale: at a million articles the server
 * merges each batch into a 1.7 GB index through its shared buffers (300 articles/s by 164,000, against
 * 1,955 without it); one build at the end sorts instead (see search/import-indexes-pg.ts).
 */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  if (dialect !== 'postgres') return
  await sql`create table search_deferred_indexes (name text primary key, sql text not null)`.execute(db)
}
