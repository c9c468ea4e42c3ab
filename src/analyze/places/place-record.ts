/**
 * One place of the gazetteer: a Vietnamese administrative unit of either list (the 2025 two-tier list
 * or the list in force until 30 June 2025), a country, or a foreign/maritime place or region.
 */
export type PlaceLevel = 'country' | 'region' | 'province' | 'district' | 'commune'

/** Which administrative list a record belongs to; countries and regions are in the current ('2025') list. */
export type PlaceEra = '2025' | 'pre2025'

export interface PlaceRecord {
  /** Stable id: `vn:2025:ward:00004`, `vn:pre2025:district:863`, `vn:2025:province:79`, `country:CN`, `region:bien-dong` */
  id: string
  /** Statistics office code for Vietnamese units, ISO 3166-1 alpha-2 for countries, a slug for regions */
  code: string
  level: PlaceLevel
  era: PlaceEra
  /** Vietnamese name without the type word ("Bình Tân", not "Quận Bình Tân") */
  name: string
  nameEn: string | null
  /** Lowercase Vietnamese type: tỉnh, thành phố trực thuộc trung ương, thành phố, quận, huyện, thị xã, phường, xã, thị trấn, đặc khu, quốc gia, biển… */
  type: string
  /** Types the unit had before (e.g. Huế was a tỉnh): a type word naming one of them still fits. */
  formerTypes?: string[]
  parentId: string | null
  aliases: string[]
  /** ISO dates (YYYY-MM-DD) or null when unknown / still in force */
  validFrom: string | null
  validTo: string | null
  /**
   * Today's units that took over this one: the 2025 province for an old province, the 2025 communes for an
   * old district or commune (from the official old→new mapping; the 2025 province when no mapping is loaded).
   */
  successorIds: string[]
}

/** Recognition output, one per place and article. */
export interface PlaceMention {
  placeId: string
  name: string
  level: PlaceLevel
  /** The most prominent field the place appears in (title > lead > body). */
  field: 'title' | 'lead' | 'body'
  /** Occurrences over all fields */
  count: number
  /** Occurrences per field */
  fields: { title: number; lead: number; body: number }
  /** 0..1, the best occurrence */
  confidence: number
  /** Today's units (2025 list, countries, regions) this place maps to; [placeId] when it is current. */
  currentIds: string[]
}

export const ERA_END_PRE2025 = '2025-06-30'
export const ERA_START_2025 = '2025-07-01'

export const vnId = (era: PlaceEra, kind: 'province' | 'district' | 'ward', code: string) =>
  `vn:${era}:${kind}:${code}`
export const countryId = (iso2: string) => `country:${iso2}`
export const regionId = (slug: string) => `region:${slug}`
