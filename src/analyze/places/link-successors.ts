import { foldKey, nameKey } from './fold.js'
import type { NewToOldMapping } from './parse-new-to-old.js'
import type { PlaceEra, PlaceRecord } from './place-record.js'

/** Type words the mapping file puts before names, longest first. */
const TYPE_PREFIXES = ['thành phố', 'thị trấn', 'thị xã', 'đặc khu', 'phường', 'quận', 'huyện', 'tỉnh', 'xã']

export function splitTyped(full: string): { type: string | null; name: string } {
  const s = full.normalize('NFC').trim()
  const lower = s.toLowerCase()
  for (const t of TYPE_PREFIXES) {
    if (lower.startsWith(`${t} `)) return { type: t, name: s.slice(t.length + 1).trim() }
  }
  return { type: null, name: s }
}

/** Finds units by name: typed exact key, then exact key, then the same folded; only a unique hit counts. */
class NameIndex {
  readonly #map = new Map<string, PlaceRecord[]>()
  add(r: PlaceRecord): void {
    const keys = [
      `${r.type}|${nameKey(r.name)}`,
      nameKey(r.name),
      `~${r.type}|${foldKey(r.name)}`,
      `~${foldKey(r.name)}`,
    ]
    for (const k of keys) this.#map.set(k, [...(this.#map.get(k) ?? []), r])
  }
  find(full: string): PlaceRecord | null {
    const { type, name } = splitTyped(full)
    const keys = [`${type}|${nameKey(name)}`, nameKey(name), `~${type}|${foldKey(name)}`, `~${foldKey(name)}`]
    for (const k of keys) {
      const hits = this.#map.get(k)
      if (hits?.length === 1) return hits[0] ?? null
    }
    return null
  }
}

export interface LinkReport {
  newCommunes: number
  newCommunesUnresolved: string[]
  oldCommunesLinked: number
  oldCommunesUnresolved: number
  districtsLinked: number
}

function indexes(records: PlaceRecord[], era: PlaceEra) {
  const provinces = new NameIndex()
  const children = new Map<string, NameIndex>()
  for (const r of records) {
    if (r.era !== era) continue
    if (r.level === 'province') provinces.add(r)
    else if (r.parentId && (r.level === 'district' || r.level === 'commune')) {
      const idx = children.get(r.parentId) ?? new NameIndex()
      idx.add(r)
      children.set(r.parentId, idx)
    }
  }
  const child = (parent: PlaceRecord | null, name: string) =>
    parent ? (children.get(parent.id)?.find(name) ?? null) : null
  return { provinces, child }
}

/**
 * Fills `successorIds` of old communes (→ 2025 communes) and old districts (→ the 2025 communes their
 * communes went to) from the official mapping, matching units by province, district and name.
 * Returns new records (inputs untouched) and what could not be matched.
 */
export function linkSuccessors(records: PlaceRecord[], mapping: NewToOldMapping) {
  const now = indexes(records, '2025')
  const old = indexes(records, 'pre2025')
  const successors = new Map<string, Set<string>>()
  const addSucc = (id: string, to: string) => successors.set(id, (successors.get(id) ?? new Set()).add(to))
  const report: LinkReport = {
    newCommunes: 0,
    newCommunesUnresolved: [],
    oldCommunesLinked: 0,
    oldCommunesUnresolved: 0,
    districtsLinked: 0,
  }
  for (const w of mapping.wards) {
    const target = now.child(now.provinces.find(w.newProvince), w.newWard)
    if (!target) {
      report.newCommunesUnresolved.push(`${w.newWard}, ${w.newProvince}`)
      continue
    }
    report.newCommunes++
    for (const o of w.oldWards) {
      const district = old.child(old.provinces.find(o.province), o.district)
      const commune = old.child(district, o.ward)
      if (district) addSucc(district.id, target.id)
      if (commune) addSucc(commune.id, target.id)
      else report.oldCommunesUnresolved++
    }
  }
  const out = records.map((r) => {
    const s = successors.get(r.id)
    if (!s) return r
    if (r.level === 'district') report.districtsLinked++
    else report.oldCommunesLinked++
    return { ...r, successorIds: [...s].sort() }
  })
  return { records: out, report }
}
