import {
  type Kysely,
  type Migration,
  type MigrationProvider,
  type MigrationResultSet,
  Migrator,
} from 'kysely'
import { AppError } from '../shared/errors.js'
import type { DialectName } from './dialect.js'
import { MIGRATIONS } from './migrations/index.js'
import type { Database } from './schema.js'

/** Attempts again after the migrator failed before running any step (see below). */
const STARTUP_RETRIES = 3

class StaticProvider implements MigrationProvider {
  constructor(readonly dialect: DialectName) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    const out: Record<string, Migration> = {}
    for (const [name, step] of Object.entries(MIGRATIONS)) {
      out[name] = { up: (db) => step.up(db, this.dialect) }
    }
    return out
  }
}

/** Runs every pending migration, each in its own transaction; returns the names applied. */
export async function migrateToLatest(
  db: Kysely<Database>,
  dialect: DialectName,
  schema?: string,
): Promise<string[]> {
  // The bookkeeping tables live in the same schema as the data (several schemas may share one database).
  // Numbers are grouped per domain (see migrations/index.ts), so a new ingest migration may sort before an
  // already-applied monitoring one: pending migrations run in name order whatever ran before.
  const migrator = new Migrator({
    db,
    provider: new StaticProvider(dialect),
    allowUnorderedMigrations: true,
    ...(schema ? { migrationTableSchema: schema } : {}),
  })
  let { error, results }: MigrationResultSet = await migrator.migrateToLatest()
  // Before its first step the migrator lists the tables of every schema in the database; DDL in
  // another schema at that moment (tests create and drop theirs in parallel) can fail that listing
  // ("schema … does not exist", "column … does not exist"). Nothing has run then: try again.
  for (let retry = 0; error && results === undefined && retry < STARTUP_RETRIES; retry++)
    ({ error, results } = await migrator.migrateToLatest())
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName
    throw new AppError(
      'DB_MIGRATION_FAILED',
      `Migration ${failed ?? '?'} failed: ${(error as Error).message}`,
      {
        cause: error,
      },
    )
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}
