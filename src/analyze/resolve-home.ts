import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.js'
import { foldText } from '../text/fold.js'
import type { Home } from './analyze-article.js'
import type { Gazetteer } from './places/gazetteer.js'

/** Type words people put before a locality's name ("Tỉnh Đắk Lắk", "Xã Ea Kao"), folded. */
const TYPE_PREFIX = /^(tinh|thanh pho|tp\.?|xa|phuong|dac khu|thi tran|huyen|quan|thi xa)\s+/

const bare = (name: string) => foldText(name).trim().replace(TYPE_PREFIX, '')

/**
 * The office's home locality as a gazetteer place: the stored place id if setup matched one, else the
 * 2025 unit whose name matches the home commune (inside the home province) or the home province.
 */
export async function resolveHome(db: Kysely<Database>, gaz: Gazetteer): Promise<Home> {
  const rows = await db.selectFrom('localities').selectAll().orderBy('id').execute()
  const home = rows.find((r) => r.is_home === 1)
  if (!home) return { placeId: null, names: [] }
  const chain = [home]
  let parent = home.parent_id
  while (parent) {
    const p = rows.find((r) => r.id === parent)
    if (!p) break
    chain.push(p)
    parent = p.parent_id
  }
  const names = chain.filter((l) => l.level !== 'country').map((l) => l.name)
  if (home.place_id) return { placeId: home.place_id, names }
  const province = chain.find((l) => l.level === 'province')
  const provinceRec = province ? findUnit(gaz, 'province', bare(province.name), null) : null
  if (home.level === 'commune') {
    const commune = findUnit(gaz, 'commune', bare(home.name), provinceRec)
    if (commune) return { placeId: commune, names }
  }
  return { placeId: provinceRec ?? (home.level === 'country' ? 'country:VN' : null), names }
}

function findUnit(
  gaz: Gazetteer,
  level: 'province' | 'commune',
  name: string,
  parentId: string | null,
): string | null {
  for (const r of gaz.records.values()) {
    if (r.level !== level || r.era !== '2025' || !r.id.startsWith('vn:')) continue
    if (parentId && !(gaz.ancestors.get(r.id) ?? []).includes(parentId)) continue
    if (bare(r.name) === name || r.aliases.some((a) => bare(a) === name)) return r.id
  }
  return null
}
