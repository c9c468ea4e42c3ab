import { linkSuccessors } from './link-successors.js'
import { type TrieNode, addRecord, newTrie } from './name-trie.js'
import { parseAdminUnitsJson } from './parse-admin-units.js'
import { parseNewToOld } from './parse-new-to-old.js'
import type { PlaceRecord } from './place-record.js'
import { loadShippedPlaces } from './shipped-places.js'

/** The in-memory index findPlaces and homeRelevance work on. Build once, share read-only. */
export interface Gazetteer {
  records: Map<string, PlaceRecord>
  trie: TrieNode
  /** parent chain, nearest first */
  ancestors: Map<string, string[]>
  /** the 2025 province a Vietnamese unit (of either list) lies in today */
  provinceNow: Map<string, string>
  /** today's units each record maps to (itself when current) */
  current: Map<string, string[]>
  /** written forms indexed */
  entryCount: number
}

function ancestorsOf(records: Map<string, PlaceRecord>, r: PlaceRecord): string[] {
  const out: string[] = []
  let p = r.parentId
  while (p && out.length < 8 && !out.includes(p)) {
    out.push(p)
    p = records.get(p)?.parentId ?? null
  }
  return out
}

function provinceNowOf(records: Map<string, PlaceRecord>, r: PlaceRecord, chain: string[]): string | null {
  if (!r.id.startsWith('vn:')) return null
  const province =
    r.level === 'province' ? r : chain.map((id) => records.get(id)).find((x) => x?.level === 'province')
  if (!province) return null
  return province.era === '2025' ? province.id : (province.successorIds[0] ?? null)
}

/** Indexes place records (shipped provinces/countries plus any imported units; later ids win). */
export function buildGazetteer(records: PlaceRecord[]): Gazetteer {
  const byId = new Map<string, PlaceRecord>()
  for (const r of records) byId.set(r.id, r)
  const trie = newTrie()
  const ancestors = new Map<string, string[]>()
  const provinceNow = new Map<string, string>()
  const current = new Map<string, string[]>()
  let entryCount = 0
  for (const r of byId.values()) {
    entryCount += addRecord(trie, r)
    const chain = ancestorsOf(byId, r)
    ancestors.set(r.id, chain)
    const pNow = provinceNowOf(byId, r, chain)
    if (pNow) provinceNow.set(r.id, pNow)
    if (r.era === '2025') current.set(r.id, [r.id])
    else current.set(r.id, r.successorIds.length > 0 ? r.successorIds : pNow ? [pNow] : [])
  }
  return { records: byId, trie, ancestors, provinceNow, current, entryCount }
}

export interface GazetteerSources {
  /** parsed units-2025.json */
  units2025?: unknown
  /** parsed units-pre2025.json */
  unitsPre2025?: unknown
  /** parsed new_to_old.json */
  newToOld?: unknown
  /** more records (e.g. rows of the places table, a statistics CSV import) */
  extra?: PlaceRecord[]
  /** directory of provinces.json / countries.json (default data/gazetteer) */
  shippedDir?: string
}

/** Parses what is given, links old units to new ones, and indexes it with the shipped provinces and countries. */
export function loadGazetteer(src: GazetteerSources = {}): Gazetteer {
  let units: PlaceRecord[] = [
    ...(src.units2025 ? parseAdminUnitsJson(src.units2025, { era: '2025' }) : []),
    ...(src.unitsPre2025 ? parseAdminUnitsJson(src.unitsPre2025, { era: 'pre2025' }) : []),
    ...(src.extra ?? []),
  ]
  const shipped = loadShippedPlaces(src.shippedDir)
  // shipped provinces carry the curated aliases and old→new province links: they replace imported ones
  const shippedIds = new Set(shipped.map((r) => r.id))
  units = units.filter((r) => !shippedIds.has(r.id))
  const all = [...shipped, ...units]
  const linked = src.newToOld ? linkSuccessors(all, parseNewToOld(src.newToOld)).records : all
  return buildGazetteer(linked)
}

/**
 * The gazetteer from stored records (the places table) plus the shipped provinces and countries; the
 * shipped ones win for the same id, as they carry the curated aliases and province successors.
 */
export function gazetteerFromStored(stored: PlaceRecord[], shippedDir?: string): Gazetteer {
  return buildGazetteer([...stored, ...loadShippedPlaces(shippedDir)])
}
