import { readFileSync } from 'node:fs'
import { z } from 'zod'
import { appError } from '../../shared/errors.js'
import { projectDataDir } from '../../shared/paths.js'
import {
  ERA_END_PRE2025,
  ERA_START_2025,
  type PlaceRecord,
  countryId,
  regionId,
  vnId,
} from './place-record.js'

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)

const ProvinceRow = z.object({
  era: z.enum(['2025', 'pre2025']),
  code: z.string().regex(/^\d{2}$/),
  name: z.string().min(1),
  nameEn: z.string().min(1),
  type: z.enum(['tỉnh', 'thành phố trực thuộc trung ương']),
  formerTypes: z.array(z.string()).optional(),
  aliases: z.array(z.string().min(1)),
  validFrom: isoDate.nullable(),
  validTo: isoDate.nullable(),
  formedFrom: z.array(z.string()).optional(),
  mergedInto: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
  note: z.string().optional(),
})
const ProvincesFile = z.object({ provinces: z.array(ProvinceRow) })

const CountryRow = z.object({
  code: z.string().regex(/^[A-Z]{2}$/),
  name: z.string().min(1),
  nameEn: z.string().min(1),
  aliases: z.array(z.string().min(1)),
})
const RegionRow = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  nameEn: z.string().min(1),
  type: z.string().min(1),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .nullable(),
  aliases: z.array(z.string().min(1)),
})
const CountriesFile = z.object({ countries: z.array(CountryRow), regions: z.array(RegionRow) })

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'))
  } catch (cause) {
    throw appError('PARSE_FAILED', `cannot read gazetteer file ${path}`, { cause })
  }
}

/** The hand-curated provinces (both lists) as records; old provinces carry their 2025 successor. */
export function provinceRecords(json: unknown): PlaceRecord[] {
  const parsed = ProvincesFile.safeParse(json)
  if (!parsed.success) throw appError('PARSE_FAILED', `invalid provinces file: ${parsed.error.message}`)
  return parsed.data.provinces.map((p) => ({
    id: vnId(p.era, 'province', p.code),
    code: p.code,
    level: 'province',
    era: p.era,
    name: p.name,
    nameEn: p.nameEn,
    type: p.type,
    ...(p.formerTypes ? { formerTypes: p.formerTypes } : {}),
    parentId: countryId('VN'),
    aliases: p.aliases,
    validFrom: p.validFrom ?? (p.era === '2025' ? ERA_START_2025 : null),
    validTo: p.validTo ?? (p.era === 'pre2025' ? ERA_END_PRE2025 : null),
    successorIds: p.mergedInto ? [vnId('2025', 'province', p.mergedInto)] : [],
  }))
}

/** Countries and foreign/maritime places and regions as records. */
export function countryRecords(json: unknown): PlaceRecord[] {
  const parsed = CountriesFile.safeParse(json)
  if (!parsed.success) throw appError('PARSE_FAILED', `invalid countries file: ${parsed.error.message}`)
  const common = { era: '2025' as const, validFrom: null, validTo: null, successorIds: [] }
  const countries: PlaceRecord[] = parsed.data.countries.map((c) => ({
    ...common,
    id: countryId(c.code),
    code: c.code,
    level: 'country',
    name: c.name,
    nameEn: c.nameEn,
    type: 'quốc gia',
    parentId: null,
    aliases: c.aliases,
  }))
  const regions: PlaceRecord[] = parsed.data.regions.map((r) => ({
    ...common,
    id: regionId(r.id),
    code: r.id,
    level: 'region',
    name: r.name,
    nameEn: r.nameEn,
    type: r.type,
    parentId: r.country ? countryId(r.country) : null,
    aliases: r.aliases,
  }))
  return [...countries, ...regions]
}

/** Reads `data/gazetteer/{provinces,countries}.json` (or the given directory). */
export function loadShippedPlaces(dir = projectDataDir('gazetteer')): PlaceRecord[] {
  return [
    ...provinceRecords(readJson(`${dir}/provinces.json`)),
    ...countryRecords(readJson(`${dir}/countries.json`)),
  ]
}
