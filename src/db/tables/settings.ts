import type { Kysely } from 'kysely'
import { nowIso } from '../dialect.js'
import type { Database } from '../schema.js'

export async function getSetting<T>(db: Kysely<Database>, key: string): Promise<T | undefined> {
  const row = await db.selectFrom('settings').select('value_json').where('key', '=', key).executeTakeFirst()
  return row ? (JSON.parse(row.value_json) as T) : undefined
}

export async function putSetting(db: Kysely<Database>, key: string, value: unknown): Promise<void> {
  const value_json = JSON.stringify(value)
  const updated_at = nowIso()
  await db
    .insertInto('settings')
    .values({ key, value_json, updated_at })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value_json, updated_at }))
    .execute()
}
