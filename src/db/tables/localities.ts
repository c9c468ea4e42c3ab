import type { Kysely, Selectable } from 'kysely'
import { nowIso } from '../dialect.js'
import type { Database, LocalitiesTable } from '../schema.js'

export type LocalityRow = Selectable<LocalitiesTable>

export interface NewLocality {
  level: LocalitiesTable['level']
  name: string
  nameEn?: string | null
  code?: string | null
  parentId?: number | null
  placeId?: string | null
  isHome?: boolean
}

export async function insertLocality(db: Kysely<Database>, l: NewLocality): Promise<LocalityRow> {
  return db
    .insertInto('localities')
    .values({
      level: l.level,
      name: l.name,
      name_en: l.nameEn ?? null,
      code: l.code ?? null,
      parent_id: l.parentId ?? null,
      place_id: l.placeId ?? null,
      is_home: l.isHome ? 1 : 0,
      created_at: nowIso(),
    })
    .returningAll()
    .executeTakeFirstOrThrow()
}

export const findHomeLocality = (db: Kysely<Database>) =>
  db.selectFrom('localities').selectAll().where('is_home', '=', 1).orderBy('id').executeTakeFirst()

export const listLocalities = (db: Kysely<Database>) =>
  db.selectFrom('localities').selectAll().orderBy('id').execute()
