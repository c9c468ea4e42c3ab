import type SqliteDriver from 'better-sqlite3'
import { type RawBuilder, sql } from 'kysely'
import type { Db } from '../db/database.js'
import { AppError } from '../shared/errors.js'

/**
 * Default time limit per search statement. A result page takes milliseconds; this only stops the
 * pathological query (a huge OR of common words on a large archive) from holding a connection.
 */
export const DEFAULT_SEARCH_TIMEOUT_MS = 5000
/** PostgreSQL memory per sort/hash/bitmap of a search statement (the server default is 4 MB). */
const SEARCH_WORK_MEM = '32MB'
/**
 * The deadline is read on every this-many-th call: Date.now() per call would cost more than the rows
 * between calls (compiled queries call the check for about one candidate row in 32).
 */
const CHECK_EVERY = 8

interface DeadlineState {
  deadline: number
  calls: number
}
const states = new WeakMap<SqliteDriver.Database, DeadlineState>()

class DeadlineExceeded extends Error {}

/**
 * better-sqlite3 cannot interrupt a running statement, so SQLite searches carry a condition
 * `hd_deadline(d.article_id)` (on about one candidate row in 32): a function that throws once the time
 * is up, which aborts the statement. Work inside FTS5 before the first row (merging one term's postings)
 * is not covered; query limits (prefix length, word count, NEAR distance) bound that part.
 */
function deadlineState(h: SqliteDriver.Database): DeadlineState {
  let s = states.get(h)
  if (s === undefined) {
    const state: DeadlineState = { deadline: Number.POSITIVE_INFINITY, calls: 0 }
    h.function('hd_deadline', { deterministic: false, varargs: true }, () => {
      if (++state.calls % CHECK_EVERY === 0 && Date.now() > state.deadline)
        throw new DeadlineExceeded('search deadline')
      return 1
    })
    states.set(h, state)
    s = state
  }
  return s
}

const timeoutError = (ms: number, cause: unknown) =>
  new AppError('QUERY_TIMEOUT', `The search took longer than ${ms} ms; make the query more specific`, {
    cause,
  })

/** Runs one search statement with a time limit: QUERY_TIMEOUT when it is exceeded. */
export interface StatementHints {
  /**
   * PostgreSQL: no plain index scans, only bitmap ones. For a word query narrowed to a range of ids or
   * dates the planner otherwise walks the range's B-tree and tests each row's out-of-line vector
   * (`du lịch` in the newest 10 %: 684 ms); as bitmaps it intersects the range with the GIN index
   * and reads only rows in both (35 ms).
   */
  bitmapOnly?: boolean
}

export async function timedRows<R>(
  store: Db,
  query: RawBuilder<R>,
  timeoutMs = DEFAULT_SEARCH_TIMEOUT_MS,
  hints: StatementHints = {},
): Promise<R[]> {
  const compiled = query.compile(store.db)
  if (store.sqlite) {
    const h = store.sqlite
    const state = deadlineState(h)
    state.deadline = Date.now() + timeoutMs
    state.calls = 0
    try {
      return h.prepare(compiled.sql).all(...(compiled.parameters as unknown[])) as R[]
    } catch (e) {
      if (e instanceof DeadlineExceeded) throw timeoutError(timeoutMs, e)
      throw searchFailure(e)
    } finally {
      state.deadline = Number.POSITIVE_INFINITY
    }
  }
  const ms = Math.max(1, Math.floor(timeoutMs))
  try {
    return await store.db.transaction().execute(async (trx) => {
      // transaction-local settings: the time limit; no JIT (compiling a large count or facet plan
      // costs 50–200 ms, more than running it); no sequential scans: the planner prices `@@` on a
      // row as cheap, but each row's vector lives out of line, so scanning and filtering every row
      // costs ~50 µs per article where the GIN index finds the same rows at once; work_mem for the
      // matches of a common word (200,000 ids and dates, bitmaps) without temporary files
      await sql`select set_config('statement_timeout', ${String(ms)}, true), set_config('jit', 'off', true),
        set_config('enable_seqscan', 'off', true), set_config('work_mem', ${SEARCH_WORK_MEM}, true),
        set_config('enable_indexscan', ${hints.bitmapOnly ? 'off' : 'on'}, true)`.execute(trx)
      const r = await trx.executeQuery<R>(compiled)
      return r.rows
    })
  } catch (e) {
    if ((e as { code?: string }).code === '57014') throw timeoutError(timeoutMs, e)
    throw searchFailure(e)
  }
}

/** Registers the SQLite deadline function on a handle (compiled queries reference it). */
export const prepareSqliteSearch = (h: SqliteDriver.Database) => void deadlineState(h)

/**
 * A database error from a compiled search is a bug, not the user's fault: it is logged by the caller
 * with its cause, and the user sees a generic message rather than SQL.
 */
function searchFailure(e: unknown): AppError {
  return new AppError('INTERNAL', 'The search could not be run', { cause: e })
}
