import { type Kysely, sql } from 'kysely'
import type { DialectName } from '../dialect.js'

/**
 * SQLite: the secondary indexes a large import dropped and must build again (name and `create index`
 * statement). A row here is an index currently missing; the next import, or the end of the running
 * one, creates it. PostgreSQL maintains its indexes during imports and has no such table.
 */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  if (dialect !== 'sqlite') return
  await sql`create table search_deferred_indexes (name text primary key, sql text not null)`.execute(db)
}
