import type { Gazetteer } from './gazetteer.js'
import type { PlaceMention } from './place-record.js'

export interface HomeRelevance {
  /** the article names the home country (any of its units, seas and islands count) */
  country: boolean
  /** … the home province, or a unit (of either list) that lies in it today */
  province: boolean
  /** … the home commune (or district), or an old unit merged into it */
  commune: boolean
  /** 0..1: how much the article is about home, weighting title > lead > body and commune > province > country */
  score: number
}

/** Evidence weights: a title mention of the commune itself is the strongest signal. */
const FIELD_WEIGHT = { title: 3, lead: 2, body: 1 } as const
const SCOPE_WEIGHT = { commune: 1, province: 0.5, country: 0.1 } as const
/** score = 1 - exp(-evidence / SCORE_SCALE): one body mention of the commune gives ~0.63 */
const SCORE_SCALE = 1

function homeScope(gaz: Gazetteer, homeId: string) {
  const home = gaz.records.get(homeId)
  const country =
    homeId.startsWith('vn:') || homeId === 'country:VN'
      ? 'country:VN'
      : home?.level === 'country'
        ? homeId
        : null
  const province = gaz.provinceNow.get(homeId) ?? null
  const small = home && (home.level === 'commune' || home.level === 'district')
  const communes = new Set(small ? (gaz.current.get(homeId) ?? []).filter((id) => id !== province) : [])
  return { country, province, communes, level: home?.level ?? null }
}

function inCountry(gaz: Gazetteer, m: PlaceMention, country: string): boolean {
  if (m.placeId === country) return true
  const ids = [m.placeId, ...m.currentIds]
  return ids.some((id) => (gaz.ancestors.get(id) ?? []).includes(country))
}

/**
 * How an article's places relate to the office's home locality (a 2025 commune or province, or an old
 * district such as the one a 2019 plan was written for). Old units count through their successors.
 */
export function homeRelevance(mentions: PlaceMention[], gaz: Gazetteer, homeId: string): HomeRelevance {
  const home = homeScope(gaz, homeId)
  const out: HomeRelevance = { country: false, province: false, commune: false, score: 0 }
  let evidence = 0
  for (const m of mentions) {
    const now = m.currentIds
    const commune = home.communes.size > 0 && now.some((id) => home.communes.has(id))
    const province =
      !!home.province &&
      (now.includes(home.province) || now.some((id) => gaz.provinceNow.get(id) === home.province))
    const country = !!home.country && inCountry(gaz, m, home.country)
    const scope = commune ? 'commune' : province ? 'province' : country ? 'country' : null
    if (!scope) continue
    out.commune ||= commune
    out.province ||= province || commune
    out.country = true
    const fields =
      m.fields.title * FIELD_WEIGHT.title +
      m.fields.lead * FIELD_WEIGHT.lead +
      m.fields.body * FIELD_WEIGHT.body
    evidence += SCOPE_WEIGHT[scope] * m.confidence * Math.log2(1 + fields)
  }
  out.score = Math.round((1 - Math.exp(-evidence / SCORE_SCALE)) * 1000) / 1000
  return out
}
