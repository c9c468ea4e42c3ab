import { type Kysely, sql } from 'kysely'
import type { DialectName } from '../dialect.js'

/**
 * PostgreSQL: the title vectors stay in the row (storage MAIN: compressed, moved out of line only
 * when nothing else makes the row fit). With the default, they went to the TOAST table with the text
 * vectors, and checking a title phrase (`title:"việt nam"`, 17,600 candidates at a million articles)
 * fetched and decompressed a TOAST value per candidate. Rows written before keep theirs out of line
 * until rewritten (`vacuum full search_docs`, or a new import).
 */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  if (dialect !== 'postgres') return
  for (const c of ['title_exact', 'title_folded'])
    await sql`alter table search_docs alter column ${sql.id(c)} set storage main`.execute(db)
}
