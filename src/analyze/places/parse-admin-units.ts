import { z } from 'zod'
import { appError } from '../../shared/errors.js'
import {
  ERA_END_PRE2025,
  ERA_START_2025,
  type PlaceEra,
  type PlaceRecord,
  countryId,
  vnId,
} from './place-record.js'

/** Shape of the statistics-office-derived lists (units-2025.json / units-pre2025.json). */
const Unit = z.object({
  Code: z.string().regex(/^\d+$/),
  Name: z.string().min(1),
  NameEn: z.string().nullish(),
  FullName: z.string().min(1),
})
const Ward2025 = Unit.extend({ AdministrativeUnitShortName: z.string().min(1) })
const Province2025 = Unit.extend({ Wards: z.array(Ward2025) })
const DistrictPre = Unit.extend({ Ward: z.array(Unit).nullish() })
const ProvincePre = Unit.extend({ District: z.array(DistrictPre) })

type UnitRow = z.infer<typeof Unit>

/** "Thị xã Sơn Tây" minus "Sơn Tây" → "thị xã"; falls back to the given default. */
export function typeFromFullName(fullName: string, name: string, fallback: string): string {
  const i = fullName.lastIndexOf(name)
  const prefix = (i > 0 ? fullName.slice(0, i) : '').trim().toLowerCase()
  return prefix || fallback
}

function baseRecord(era: PlaceEra, u: UnitRow): Omit<PlaceRecord, 'id' | 'level' | 'type' | 'parentId'> {
  return {
    code: u.Code,
    era,
    name: u.Name.trim(),
    nameEn: u.NameEn?.trim() || null,
    aliases: [],
    validFrom: era === '2025' ? ERA_START_2025 : null,
    validTo: era === 'pre2025' ? ERA_END_PRE2025 : null,
    successorIds: [],
  }
}

function provinceRecord(era: PlaceEra, p: UnitRow): PlaceRecord {
  const type = p.FullName.toLowerCase().startsWith('thành phố') ? 'thành phố trực thuộc trung ương' : 'tỉnh'
  const aliases = p.NameEn ? [p.NameEn] : []
  return {
    ...baseRecord(era, p),
    id: vnId(era, 'province', p.Code),
    level: 'province',
    type,
    parentId: countryId('VN'),
    aliases,
  }
}

function parse2025(json: unknown): PlaceRecord[] {
  const parsed = z.array(Province2025).safeParse(json)
  if (!parsed.success) throw appError('PARSE_FAILED', `not a 2025 unit list: ${parsed.error.message}`)
  const out: PlaceRecord[] = []
  for (const p of parsed.data) {
    const province = provinceRecord('2025', p)
    out.push(province)
    for (const w of p.Wards) {
      const type = w.AdministrativeUnitShortName.toLowerCase()
      out.push({
        ...baseRecord('2025', w),
        id: vnId('2025', 'ward', w.Code),
        level: 'commune',
        type,
        parentId: province.id,
      })
    }
  }
  return out
}

function parsePre2025(json: unknown): PlaceRecord[] {
  const parsed = z.array(ProvincePre).safeParse(json)
  if (!parsed.success) throw appError('PARSE_FAILED', `not a pre-2025 unit list: ${parsed.error.message}`)
  const out: PlaceRecord[] = []
  for (const p of parsed.data) {
    const province = provinceRecord('pre2025', p)
    out.push(province)
    for (const d of p.District) {
      const districtId = vnId('pre2025', 'district', d.Code)
      const type = typeFromFullName(d.FullName, d.Name, 'huyện')
      out.push({
        ...baseRecord('pre2025', d),
        id: districtId,
        level: 'district',
        type,
        parentId: province.id,
      })
      for (const w of d.Ward ?? []) {
        const wType = typeFromFullName(w.FullName, w.Name, 'xã')
        out.push({
          ...baseRecord('pre2025', w),
          id: vnId('pre2025', 'ward', w.Code),
          level: 'commune',
          type: wType,
          parentId: districtId,
        })
      }
    }
  }
  return out
}

/**
 * Reads the official unit list (units-2025.json: provinces → Wards; units-pre2025.json: provinces →
 * District → Ward) into place records: provinces, districts (pre-2025 only) and communes.
 */
export function parseAdminUnitsJson(json: unknown, opts: { era: PlaceEra }): PlaceRecord[] {
  return opts.era === '2025' ? parse2025(json) : parsePre2025(json)
}
