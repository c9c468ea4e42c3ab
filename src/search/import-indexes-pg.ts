import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/schema.js'

/** Indexes a long PostgreSQL import drops and builds at the end: the words index (GIN) alone. */
const DEFERRED = ['search_docs_words_gin'] as const
/** Memory of that build: a GIN build sorts its keys in it (the migrations that build it use the same). */
const BUILD_MEMORY = '512MB'

/** The steps of a bulk import's index upkeep, as the import calls them (both databases). */
export interface BulkIndexes {
  /** Drops the deferred indexes (once), remembering their statements. */
  defer(): Promise<void>
  /** Builds every remembered index that is missing; returns how many were built. */
  restore(): Promise<number>
  /** After the import: builds what it deferred. */
  finish(): Promise<number>
}

/**
 * PostgreSQL bulk import: the words index is dropped once an import passes its threshold and built
 * again at the end with one sort, its statement saved in `search_deferred_indexes` first (migration
 * 0316), so an import that dies half way leaves it to the next import, which builds it before
 * anything else. Meanwhile searches by other connections find no words index: they fall back to
 * reading every row (slow, often past their time limit, never wrong), as SQLite's do without theirs.
 */
export function deferredIndexesPostgres(db: Kysely<Database>): BulkIndexes {
  let deferred = false
  return {
    async defer() {
      if (deferred) return
      deferred = true
      await db.transaction().execute(async (trx) => {
        const found = await sql<{
          name: string
          def: string
        }>`select c.relname as name, pg_get_indexdef(c.oid) as def
          from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = current_schema() and c.relkind = 'i' and c.relname in (${sql.join([...DEFERRED])})`.execute(
          trx,
        )
        for (const i of found.rows) {
          await sql`insert into search_deferred_indexes (name, sql) values (${i.name}, ${i.def})
            on conflict (name) do update set sql = excluded.sql`.execute(trx)
          await sql`drop index ${sql.id(i.name)}`.execute(trx)
        }
      })
    },
    async restore() {
      const todo = await sql<{
        name: string
        sql: string
      }>`select name, sql from search_deferred_indexes order by name`.execute(db)
      for (const i of todo.rows)
        await db.transaction().execute(async (trx) => {
          await sql`select set_config('maintenance_work_mem', ${BUILD_MEMORY}, true)`.execute(trx)
          await sql.raw(i.sql.replace(/^create index /i, 'CREATE INDEX IF NOT EXISTS ')).execute(trx)
          await sql`delete from search_deferred_indexes where name = ${i.name}`.execute(trx)
        })
      deferred = false
      return todo.rows.length
    },
    finish() {
      return this.restore()
    },
  }
}
