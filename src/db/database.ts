import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import SqliteDriver from 'better-sqlite3'
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely'
import pg from 'pg'
import { AppError } from '../shared/errors.js'
import type { DialectName } from './dialect.js'
import type { Database } from './schema.js'

export interface Db {
  readonly db: Kysely<Database>
  readonly dialect: DialectName
  /** Where the data lives, with any password removed: for logs and the status page. */
  readonly location: string
  /** The raw SQLite handle (backups, FTS helpers); undefined on PostgreSQL. */
  readonly sqlite?: SqliteDriver.Database
  /** The raw pg pool (graphile-worker shares it); undefined on SQLite. */
  readonly pool?: pg.Pool
  /** PostgreSQL only: the schema in use when not the default one. */
  readonly schema?: string
  close(): Promise<void>
}

export interface DbOptions {
  /** `''` = `<dataDir>/haidang.sqlite`; `sqlite:PATH`; `postgres://…` */
  url: string
  dataDir: string
  /** PostgreSQL only: schema to use (created if missing). Tests use one schema per test file. */
  schema?: string
  /** SQLite only: how long a writer waits for a lock before failing with DB_LOCKED. */
  busyTimeoutMs?: number
  poolSize?: number
}

/** SQLite: WAL so readers never block the writer; NORMAL sync is durable across crashes in WAL mode. */
const SQLITE_PRAGMAS = [
  'journal_mode = WAL',
  'foreign_keys = ON',
  'synchronous = NORMAL',
  'temp_store = MEMORY',
]

export async function openDatabase(opts: DbOptions): Promise<Db> {
  return opts.url.startsWith('postgres') ? openPostgres(opts) : openSqlite(opts)
}

function sqlitePath(opts: DbOptions): string {
  if (opts.url.startsWith('sqlite:'))
    return resolve(opts.url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, ''))
  return resolve(opts.dataDir, 'haidang.sqlite')
}

async function openSqlite(opts: DbOptions): Promise<Db> {
  const file = sqlitePath(opts)
  let handle: SqliteDriver.Database
  try {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true })
    handle = new SqliteDriver(file, { timeout: opts.busyTimeoutMs ?? 5000 })
    for (const p of SQLITE_PRAGMAS) handle.pragma(p)
  } catch (e) {
    throw mapSqliteError(e, file)
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(handle) }) })
  return {
    db,
    dialect: 'sqlite',
    location: file,
    sqlite: handle,
    close: async () => {
      await db.destroy()
    },
  }
}

/** Prepared statements kept per SQLite handle (least recently used dropped first). */
const STATEMENT_CACHE_SIZE = 256
/** Longer SQL (bulk inserts, `update … from (values …)`) is prepared each time, not cached. */
const CACHEABLE_SQL_CHARS = 2000

/**
 * The handle as Kysely sees it, with `prepare` reusing statements by SQL text: Kysely prepares every
 * query it runs, and preparing costs as much as running a small insert (ingest runs the same handful
 * of statements per article). A statement still being iterated is never handed out twice.
 */
function withStatementCache(handle: SqliteDriver.Database) {
  const cache = new Map<string, SqliteDriver.Statement>()
  return {
    close: () => handle.close(),
    prepare(sql: string) {
      const hit = cache.get(sql)
      if (hit && !hit.busy) {
        cache.delete(sql)
        cache.set(sql, hit)
        return hit
      }
      const stmt = handle.prepare(sql)
      // Multi-row statements carry their row count in the text: each size would take a slot (and hold
      // its memory) for a statement prepared once per batch anyway.
      if (!hit && sql.length <= CACHEABLE_SQL_CHARS) {
        cache.set(sql, stmt)
        if (cache.size > STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!)
      }
      return stmt
    },
  }
}

async function openPostgres(opts: DbOptions): Promise<Db> {
  const pool = new pg.Pool({
    connectionString: opts.url,
    max: opts.poolSize ?? 10,
    connectionTimeoutMillis: 5000,
    ...(opts.schema ? { options: `-c search_path=${opts.schema}` } : {}),
  })
  // Idle client errors surface on the next query instead of crashing the process.
  pool.on('error', () => {})
  pool.on('connect', (client) => client.on('error', () => {}))
  const location = redactUrl(opts.url)
  try {
    const client = await pool.connect()
    try {
      if (opts.schema) await client.query(`create schema if not exists "${opts.schema.replace(/"/g, '')}"`)
    } finally {
      client.release()
    }
  } catch (e) {
    await pool.end().catch(() => {})
    throw new AppError(
      'DB_UNREACHABLE',
      `Cannot connect to PostgreSQL at ${location}: ${(e as Error).message}`,
      {
        cause: e,
      },
    )
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  return {
    db,
    dialect: 'postgres',
    location,
    pool,
    ...(opts.schema ? { schema: opts.schema } : {}),
    close: () => db.destroy(),
  }
}

export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@')
}

/** Turns driver errors into named ones a person can act on. */
export function mapSqliteError(e: unknown, file: string): unknown {
  const code = (e as { code?: string }).code
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return new AppError('DB_LOCKED', `The database file ${file} is locked by another process; try again.`, {
      cause: e,
    })
  }
  if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY' || code === 'SQLITE_NOTADB') {
    return new AppError('DB_UNREACHABLE', `Cannot open the database file ${file}: ${(e as Error).message}`, {
      cause: e,
    })
  }
  return e
}

/** Checks the store answers: for /readyz. */
export async function ping(store: Db): Promise<void> {
  await sql`select 1`.execute(store.db)
}
