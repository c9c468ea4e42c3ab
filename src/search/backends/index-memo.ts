import type SqliteDriver from 'better-sqlite3'

/**
 * SQLite: values a connection may remember while the full-text index is unchanged (the words of a
 * prefix, the number of matches of a word). FTS5 rewrites its structure record (`search_fts_data`
 * row 10: segments, their sizes, a write counter) with every committed write, from any connection,
 * so that record is the key: reading it is one primary-key lookup.
 */
export function indexMemo<V>(maxEntries: number): (h: SqliteDriver.Database) => Map<string, V> {
  const memos = new WeakMap<
    SqliteDriver.Database,
    { structure: Buffer | null; epoch: number; values: Map<string, V> }
  >()
  return (h) => {
    const structure = (h.prepare('select block from search_fts_data where id = 10').pluck().get() ??
      null) as Buffer | null
    const m = memos.get(h)
    if (m && m.epoch === epoch && m.values.size < maxEntries && sameBytes(m.structure, structure))
      return m.values
    const fresh = { structure, epoch, values: new Map<string, V>() }
    memos.set(h, fresh)
    return fresh.values
  }
}

let epoch = 0
/** Forgets every remembered value (benchmarks measure what a query costs the first time). */
export const forgetIndexMemos = () => void epoch++

const sameBytes = (a: Buffer | null, b: Buffer | null) => (a === null || b === null ? a === b : a.equals(b))
