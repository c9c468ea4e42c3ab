import { type Kysely, sql } from 'kysely'
import type { DialectName } from '../dialect.js'

/**
 * SQLite: the index writer keeps `search_day_totals` itself, one upsert per day of each batch
 * (`writeSqliteDocs`), instead of the insert and update row triggers of 0311: with them on the
 * upsert into `search_docs`, importing cost a third more CPU (1,137 → 1,520 articles per CPU-second
 * at 20,000 articles). The delete trigger stays: deleting an article cascades to its index row.
 * PostgreSQL keeps its statement triggers (one upsert per batch already).
 */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  if (dialect !== 'sqlite') return
  await sql`drop trigger if exists search_day_totals_insert`.execute(db)
  await sql`drop trigger if exists search_day_totals_update`.execute(db)
}
