import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { linkSuccessors } from './link-successors.js'
import type { NewToOldMapping } from './parse-new-to-old.js'
import type { PlaceRecord } from './place-record.js'

/** Rows per insert statement: under SQLite's variable limit with nine columns. */
const BATCH = 500

/** Stores imported units in the places table (replacing records with the same id). */
export async function storePlaces(db: Kysely<Database>, records: PlaceRecord[]): Promise<number> {
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < records.length; i += BATCH) {
      const rows = records.slice(i, i + BATCH).map((r) => ({
        id: r.id,
        code: r.code,
        level: r.level,
        era: r.era,
        name: r.name,
        name_en: r.nameEn,
        type: r.type,
        parent_id: r.parentId,
        record_json: JSON.stringify(r),
      }))
      await trx
        .insertInto('places')
        .values(rows)
        .onConflict((oc) =>
          oc.column('id').doUpdateSet((eb) => ({
            code: eb.ref('excluded.code'),
            level: eb.ref('excluded.level'),
            era: eb.ref('excluded.era'),
            name: eb.ref('excluded.name'),
            name_en: eb.ref('excluded.name_en'),
            type: eb.ref('excluded.type'),
            parent_id: eb.ref('excluded.parent_id'),
            record_json: eb.ref('excluded.record_json'),
          })),
        )
        .execute()
    }
  })
  return records.length
}

export async function loadStoredPlaces(db: Kysely<Database>): Promise<PlaceRecord[]> {
  const rows = await db.selectFrom('places').select('record_json').execute()
  return rows.map((r) => JSON.parse(r.record_json) as PlaceRecord)
}

/** Applies the official old→new mapping to the stored units and saves their successors. */
export async function linkStoredPlaces(
  db: Kysely<Database>,
  mapping: NewToOldMapping,
): Promise<{ linked: number; unmatched: number }> {
  const { records, report } = linkSuccessors(await loadStoredPlaces(db), mapping)
  await storePlaces(db, records)
  return {
    linked: report.oldCommunesLinked + report.districtsLinked,
    unmatched: report.oldCommunesUnresolved + report.newCommunesUnresolved.length,
  }
}
