import { readFileSync } from 'node:fs'
import type { Kysely } from 'kysely'
import { z } from 'zod'
import type { Database, SourceKind } from '../../db/schema.js'
import { getSetting, putSetting } from '../../db/tables/settings.js'
import { addMembers } from '../../db/tables/source-collections.js'
import { projectDataDir } from '../../shared/paths.js'
import { foldText } from '../../text/fold.js'

export type DefaultCollectionKey = 'central' | 'foreign' | 'local'

/** Sources up to this id have had their default membership: a later removal by a person sticks. */
const DONE_SETTING = 'source_collections.defaults_upto'
/** Regions whose papers are local press though they name no single province. */
const REGIONS = ['tay nguyen', 'tay bac', 'mien tay', 'dong bang song cuu long', 'nam trung bo']
/** Host names that contain a province this long are read as a provincial outlet (baodaklak.vn). */
const MIN_HOST_SLUG = 6

const Provinces = z.object({
  provinces: z.array(z.object({ name: z.string(), aliases: z.array(z.string()).default([]) })),
})

let provinceWords: string[] | undefined

/** Folded names and aliases of every province, both before and after the 2025 merger. */
function provinces(): string[] {
  provinceWords ??= [
    ...new Set(
      Provinces.parse(JSON.parse(readFileSync(projectDataDir('gazetteer', 'provinces.json'), 'utf8')))
        .provinces.flatMap((p) => [p.name, ...p.aliases])
        .map((n) =>
          foldText(n)
            .replace(/[^a-z0-9]+/g, ' ')
            .trim(),
        )
        .filter((n) => n.length >= 3),
    ),
  ]
  return provinceWords
}

export interface SourceFacts {
  name: string
  homepage: string
  country: string
  kind: SourceKind
  /** the free-text group given when the source was added (starter directory: "Báo địa phương"…) */
  collection: string | null
}

/**
 * The shipped collection a source belongs in: foreign press → "Báo chí nước ngoài"; Vietnamese press
 * and government outlets → "Báo địa phương" when they name a province or region (Báo Đắk Lắk, Cổng
 * TTĐT tỉnh…, baodaklak.vn), else "Báo chí trung ương". Other sources get none.
 */
export function defaultCollectionFor(s: SourceFacts): DefaultCollectionKey | null {
  if (s.kind === 'foreign' || (s.kind !== 'other' && s.country.toUpperCase() !== 'VN')) return 'foreign'
  if (s.kind === 'other') return null
  const group = foldText(s.collection ?? '')
  if (group.includes('dia phuong')) return 'local'
  if (group.includes('trung uong')) return 'central'
  const name = ` ${foldText(s.name).replace(/[^a-z0-9]+/g, ' ')} `
  if (name.includes(' tinh ') || REGIONS.some((r) => name.includes(` ${r} `))) return 'local'
  if (provinces().some((p) => name.includes(` ${p} `))) return 'local'
  const host = hostOf(s.homepage)
  const slugs = provinces().map((p) => p.replace(/ /g, ''))
  if (slugs.some((p) => p.length >= MIN_HOST_SLUG && host.includes(p))) return 'local'
  return 'central'
}

const hostOf = (url: string) => {
  try {
    return new URL(url).hostname.toLowerCase()
  } catch {
    return ''
  }
}

/**
 * Puts every source not yet seen into its default collection (if that collection still exists).
 * Idempotent and cheap when nothing is new: run before showing sources, after sources are added.
 */
export async function applyDefaultMemberships(db: Kysely<Database>): Promise<number> {
  const done = (await getSetting<number>(db, DONE_SETTING)) ?? 0
  const fresh = await db
    .selectFrom('sources')
    .select(['id', 'name', 'homepage', 'country', 'kind', 'collection'])
    .where('id', '>', done)
    .orderBy('id')
    .execute()
  if (fresh.length === 0) return 0
  const defaults = await db
    .selectFrom('source_collections')
    .select(['id', 'default_key'])
    .where('default_key', 'is not', null)
    .execute()
  const idOf = new Map(defaults.map((d) => [d.default_key, d.id]))
  let added = 0
  for (const key of ['central', 'foreign', 'local'] as const) {
    const collectionId = idOf.get(key)
    const ids = fresh.filter((s) => defaultCollectionFor(s) === key).map((s) => s.id)
    if (collectionId !== undefined) added += await addMembers(db, collectionId, ids)
  }
  await putSetting(db, DONE_SETTING, fresh[fresh.length - 1]!.id)
  return added
}
