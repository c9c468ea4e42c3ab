import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { type Db, openDatabase } from '../../src/db/database.js'
import type { DialectName } from '../../src/db/dialect.js'
import { migrateToLatest } from '../../src/db/migrate.js'

/**
 * The databases every integration test runs on: SQLite always; PostgreSQL when
 * HAIDANG_TEST_DATABASE_URL is set. Under CI the URL is required, so Postgres can never be skipped.
 */
export function testDialects(): DialectName[] {
  const url = process.env.HAIDANG_TEST_DATABASE_URL
  if (!url && process.env.CI)
    throw new Error('CI requires HAIDANG_TEST_DATABASE_URL: PostgreSQL tests must run')
  return url ? ['sqlite', 'postgres'] : ['sqlite']
}

export interface TestDb extends Db {
  /** For PostgreSQL: the private schema of this test database, and the URL to reach it. */
  readonly schema?: string
  readonly url: string
  readonly dataDir: string
  dispose(): Promise<void>
}

/** A fresh, migrated database: a temp SQLite file, or a new schema in the test PostgreSQL. */
export async function createTestDb(dialect: DialectName, opts: { migrate?: boolean } = {}): Promise<TestDb> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hd-test-'))
  let store: Db
  let url: string
  let schema: string | undefined
  if (dialect === 'sqlite') {
    url = `sqlite:${join(dataDir, 'test.sqlite')}`
    store = await openDatabase({ url, dataDir })
  } else {
    url = process.env.HAIDANG_TEST_DATABASE_URL ?? ''
    schema = `t_${randomBytes(6).toString('hex')}`
    store = await openDatabase({ url, dataDir, schema, poolSize: 4 })
  }
  if (opts.migrate !== false) await migrateToLatest(store.db, store.dialect, store.schema)
  const dispose = async () => {
    await store.close()
    if (schema) await dropSchema(url, schema)
    rmSync(dataDir, { recursive: true, force: true })
  }
  return Object.assign(Object.create(null), store, { schema, url, dataDir, dispose }) as TestDb
}

async function dropSchema(url: string, schema: string) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query(`drop schema if exists "${schema}" cascade`)
  } finally {
    await client.end()
  }
}
