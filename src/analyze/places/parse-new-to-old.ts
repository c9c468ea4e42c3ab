import { z } from 'zod'
import { appError } from '../../shared/errors.js'

/** One old commune as the old→new mapping names it (names with type words, e.g. "Thị Trấn Tân Quới"). */
export interface OldUnitRef {
  ward: string
  district: string
  province: string
}

/** The official old→new reorganisation by names (the mapping file's own ids are not statistics codes). */
export interface NewToOldMapping {
  provinces: { newProvince: string; oldProvinces: string[] }[]
  wards: { newWard: string; newProvince: string; oldWards: OldUnitRef[] }[]
}

const OldWard = z.object({
  old_ward_name: z.string().min(1),
  old_district_name: z.string().min(1),
  old_province_name: z.string().min(1),
})
const File = z.object({
  provinces: z.record(
    z.string(),
    z.object({
      new_province_name: z.string().min(1),
      old_provinces: z.array(z.object({ old_province_name: z.string().min(1) })),
    }),
  ),
  wards: z.record(
    z.string(),
    z.object({
      new_ward_name: z.string().min(1),
      new_province_name: z.string().min(1),
      old_wards: z.array(OldWard),
    }),
  ),
})

/** Reads new_to_old.json (new province/commune → the old ones it was formed from). */
export function parseNewToOld(json: unknown): NewToOldMapping {
  const parsed = File.safeParse(json)
  if (!parsed.success) throw appError('PARSE_FAILED', `not a new→old mapping: ${parsed.error.message}`)
  return {
    provinces: Object.values(parsed.data.provinces).map((p) => ({
      newProvince: p.new_province_name,
      oldProvinces: p.old_provinces.map((o) => o.old_province_name),
    })),
    wards: Object.values(parsed.data.wards).map((w) => ({
      newWard: w.new_ward_name,
      newProvince: w.new_province_name,
      oldWards: w.old_wards.map((o) => ({
        ward: o.old_ward_name,
        district: o.old_district_name,
        province: o.old_province_name,
      })),
    })),
  }
}
