import type { Insertable, Kysely, Selectable } from 'kysely'
import { nowIso } from '../dialect.js'
import type { Database, SourceKind, SourcesTable } from '../schema.js'

export type SourceRow = Selectable<SourcesTable>

export interface NewSource {
  name: string
  homepage: string
  country: string
  lang: string
  kind: SourceKind
  collection?: string | null
}

/** Inserts a source, or returns the existing one with the same homepage (adding twice is harmless). */
export async function upsertSource(db: Kysely<Database>, s: NewSource): Promise<SourceRow> {
  const existing = await db
    .selectFrom('sources')
    .selectAll()
    .where('homepage', '=', s.homepage)
    .executeTakeFirst()
  if (existing) return existing
  const now = nowIso()
  const row: Insertable<SourcesTable> = {
    name: s.name,
    homepage: s.homepage,
    country: s.country.toUpperCase(),
    lang: s.lang,
    kind: s.kind,
    collection: s.collection ?? null,
    verified: 0,
    enabled: 1,
    created_at: now,
    updated_at: now,
  }
  return db.insertInto('sources').values(row).returningAll().executeTakeFirstOrThrow()
}

export const findSource = (db: Kysely<Database>, id: number) =>
  db.selectFrom('sources').selectAll().where('id', '=', id).executeTakeFirst()

export const listSources = (db: Kysely<Database>) =>
  db.selectFrom('sources').selectAll().orderBy('name').execute()

export async function markSourceVerified(db: Kysely<Database>, id: number) {
  await db
    .updateTable('sources')
    .set({ verified: 1, updated_at: nowIso() })
    .where('id', '=', id)
    .where('verified', '=', 0)
    .execute()
}
