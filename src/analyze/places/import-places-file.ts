import { appError } from '../../shared/errors.js'
import { parseAdminUnitsJson } from './parse-admin-units.js'
import { type NewToOldMapping, parseNewToOld } from './parse-new-to-old.js'
import { parseStatisticsCsv } from './parse-statistics-csv.js'
import { parseStatisticsXlsx } from './parse-statistics-xlsx.js'
import type { PlaceRecord } from './place-record.js'

export type PlacesFileKind =
  | 'units-2025'
  | 'units-pre2025'
  | 'new-to-old'
  | 'statistics-csv'
  | 'statistics-xlsx'

export interface PlacesImport {
  kind: PlacesFileKind
  /** units to store (empty for the mapping file) */
  records: PlaceRecord[]
  /** the old→new mapping, to apply with linkSuccessors() over the stored units */
  mapping: NewToOldMapping | null
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]

function jsonKind(json: unknown): PlacesFileKind | null {
  if (Array.isArray(json)) {
    const first: unknown = json[0]
    if (first && typeof first === 'object' && 'Wards' in first) return 'units-2025'
    if (first && typeof first === 'object' && 'District' in first) return 'units-pre2025'
    return null
  }
  return json && typeof json === 'object' && 'wards' in json && 'provinces' in json ? 'new-to-old' : null
}

/**
 * Reads any supported unit file, whatever its name: the 2025 or pre-2025 JSON lists, the new→old
 * mapping, or the statistics office's CSV/XLSX export. For `haidang gazetteer import FILE`.
 */
export async function importPlacesFile(data: Uint8Array): Promise<PlacesImport> {
  if (ZIP_MAGIC.every((b, i) => data[i] === b))
    return { kind: 'statistics-xlsx', records: await parseStatisticsXlsx(data), mapping: null }
  const text = new TextDecoder('utf-8').decode(data)
  const trimmed = text.replace(/^\uFEFF/, '').trimStart()
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    let json: unknown
    try {
      json = JSON.parse(trimmed)
    } catch (cause) {
      throw appError('PARSE_FAILED', 'invalid JSON', { cause })
    }
    const kind = jsonKind(json)
    if (kind === 'units-2025')
      return { kind, records: parseAdminUnitsJson(json, { era: '2025' }), mapping: null }
    if (kind === 'units-pre2025')
      return { kind, records: parseAdminUnitsJson(json, { era: 'pre2025' }), mapping: null }
    if (kind === 'new-to-old') return { kind, records: [], mapping: parseNewToOld(json) }
    throw appError('PARSE_FAILED', 'JSON is neither a unit list nor the new→old mapping')
  }
  return { kind: 'statistics-csv', records: parseStatisticsCsv(text), mapping: null }
}
