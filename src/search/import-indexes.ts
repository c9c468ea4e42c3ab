import type SqliteDriver from 'better-sqlite3'

/**
 * SQLite bulk import: the secondary indexes of `articles` (content hash, SimHash/MinHash bands, dates)
 * and `search_docs` take random keys, so at a million articles each inserted row dirties a dozen
 * B-tree pages scattered over a gigabyte. An import that goes past `DEFER_INDEXES_AFTER` lines drops
 * them and builds each again at the end with one sort, which costs a fraction of the row-by-row upkeep.
 * The statements are saved in `search_deferred_indexes` first, so an import that dies half way leaves
 * them to the next import, which builds them before anything else. Unique indexes stay: the import
 * looks articles up by canonical URL. Meanwhile other connections (ingest dedupe, date-sorted
 * searches) run without these indexes: slower, never wrong.
 *
 * Such an import also merges the full-text index into one segment at the end (FTS5 `optimize`): a
 * million articles imported in batches leave a dozen segments, and every lookup of a word at one
 * article (the date walk's probes, see result-page.ts) seeks in each; in one segment it is several
 * times cheaper, and counting a word reads one list instead of merging a dozen.
 */
export const DEFER_INDEXES_AFTER = 50_000
const TABLES = ['articles', 'search_docs'] as const

export interface DeferredIndexes {
  /** Drops the secondary indexes (once), remembering their statements. */
  defer(): void
  /** Builds every remembered index that is missing; returns how many were built. */
  restore(): number
  /** After the import: when it deferred, merges the full-text index, then restores. */
  finish(): number
}

export function deferredIndexes(h: SqliteDriver.Database): DeferredIndexes {
  const saved = () =>
    h.prepare('select name, sql from search_deferred_indexes order by name').all() as {
      name: string
      sql: string
    }[]
  let deferred = false
  return {
    defer() {
      if (deferred) return
      deferred = true
      const indexes = h
        .prepare(
          `select name, sql from sqlite_master where type = 'index' and sql is not null
            and tbl_name in (${TABLES.map(() => '?').join(', ')}) and sql not like 'create unique%'`,
        )
        .all(...TABLES) as { name: string; sql: string }[]
      h.transaction(() => {
        const keep = h.prepare('insert or replace into search_deferred_indexes (name, sql) values (?, ?)')
        for (const i of indexes) {
          keep.run(i.name, i.sql)
          h.exec(`drop index "${i.name.replaceAll('"', '""')}"`)
        }
      })()
    },
    restore() {
      const todo = saved()
      for (const i of todo) {
        h.transaction(() => {
          h.exec(i.sql.replace(/^create index /i, 'create index if not exists '))
          h.prepare('delete from search_deferred_indexes where name = ?').run(i.name)
        })()
      }
      deferred = false
      return todo.length
    },
    finish() {
      if (deferred) h.exec(`insert into search_fts (search_fts) values ('optimize')`)
      return this.restore()
    },
  }
}
