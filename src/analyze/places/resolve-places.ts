import type { Gazetteer } from './gazetteer.js'
import { ERA_START_2025, type PlaceLevel } from './place-record.js'
import type { Occurrence } from './scan-places.js'
import { typeFits } from './type-words.js'

/** Prior belief per level when nothing else helps: bigger units are named more often. */
const LEVEL_PRIOR: Record<PlaceLevel, number> = {
  country: 1,
  province: 1,
  region: 0.9,
  district: 0.6,
  commune: 0.5,
}
/** Bonuses (score units) for each piece of evidence; a parent named right beside the name weighs most. */
const BONUS = {
  typeWord: 0.3,
  parentNear: 0.5,
  sameProvinceNear: 0.35,
  childNear: 0.3,
  childNearOtherEra: 0.15,
  parentInArticle: 0.25,
  sameProvinceInArticle: 0.15,
  home: 0.2,
  eraByDate: 0.15,
  eraDefault: 0.05,
  oldMarker: 0.3,
  officialName: 0.05,
} as const
/** Tokens either side within which a name counts as "beside" another (same sentence only). */
const NEAR_TOKENS = 12
/**
 * Cities, towns and island units are known by name alone ("Nha Trang", "Côn Đảo"): they may be
 * recognised without a type word or a parent nearby (other communes and districts may not).
 */
const WELL_KNOWN_TYPES = new Set(['thành phố', 'thị xã', 'đặc khu'])
/** Below this score margin between two different places, the choice is a guess. */
const AMBIGUOUS_MARGIN = 0.1

export interface Resolved {
  id: string
  confidence: number
}

interface Context {
  near: Occurrence[]
  /** how many occurrences in the article may name each province/district (its own excluded below) */
  docAncestors: Map<string, number>
  /** how many occurrences may name a province, by the 2025 province it is part of */
  docProvinces: Map<string, number>
  home: { id: string; chain: string[]; province: string | null } | null
  at: string | null
}

const isSmall = (level: PlaceLevel) => level === 'district' || level === 'commune'
/** Administrative rank: a place can only be vouched for by a bigger one. */
const RANK: Record<PlaceLevel, number> = { country: 4, region: 3, province: 3, district: 2, commune: 1 }
/** The country is everyone's ancestor: it says nothing about which commune is meant. */
const informative = (id: string) => !id.startsWith('country:')

/** What one occurrence may contribute as article context: province/district ids, and 2025 provinces. */
export function articleKeys(
  o: Occurrence,
  gaz: Gazetteer,
): { ancestors: Set<string>; provinces: Set<string> } {
  const ancestors = new Set<string>()
  const provinces = new Set<string>()
  for (const e of o.entries) {
    const level = gaz.records.get(e.id)?.level
    if (level === 'province' || level === 'district') ancestors.add(e.id)
    const p = gaz.provinceNow.get(e.id)
    if (level === 'province' && p) provinces.add(p)
  }
  return { ancestors, provinces }
}

/**
 * Without a type word, a name that is also a province's or a country's (or their alias) means that:
 * "Sài Gòn" is the city, not its ward Sài Gòn; "Đồng Tháp" in a list of provinces is the province,
 * not the commune of that name in Hà Nội.
 */
function withoutNamesakes(ids: string[], gaz: Gazetteer): string[] {
  const big = ids.some((id) => !isSmall(gaz.records.get(id)!.level))
  return big ? ids.filter((id) => !isSmall(gaz.records.get(id)!.level)) : ids
}

/**
 * Drops what an occurrence cannot name before anything is resolved, so it gives no false context either:
 * communes and districts after a building word or a house number ("chợ Bến Thành", "19 Cát Linh").
 */
export function pruneOccurrence(o: Occurrence, gaz: Gazetteer): Occurrence | null {
  if (!o.afterInstitution) return o
  const entries = o.entries.filter((e) => !isSmall(gaz.records.get(e.id)?.level ?? 'commune'))
  return entries.length > 0 ? { ...o, entries } : null
}

function candidateIds(o: Occurrence, gaz: Gazetteer): { ids: string[]; typeOk: boolean } {
  const ids = [...new Set(o.entries.map((e) => e.id))].filter((id) => gaz.records.has(id))
  const tw = o.typeWord
  if (!tw) return { ids: withoutNamesakes(ids, gaz), typeOk: false }
  const fit = ids.filter((id) => {
    const r = gaz.records.get(id)!
    return typeFits(tw, r.level, r.type, r.formerTypes)
  })
  if (fit.length > 0) return { ids: fit, typeOk: true }
  // a type carried over a list ("phường Sài Gòn, TP.HCM") that fits nothing was never meant for this name
  return { ids: o.typeSource === 'list' ? withoutNamesakes(ids, gaz) : ids, typeOk: false }
}

function score(id: string, o: Occurrence, typeOk: boolean, ctx: Context, gaz: Gazetteer) {
  const r = gaz.records.get(id)!
  const anc = (gaz.ancestors.get(id) ?? []).filter(informative)
  const pNow = gaz.provinceNow.get(id)
  let s = LEVEL_PRIOR[r.level] + (typeOk ? BONUS.typeWord : 0)
  let support = 0
  const nearIds = ctx.near.flatMap((n) => n.entries.map((e) => e.id))
  const bigger = (n: string) => RANK[gaz.records.get(n)!.level] > RANK[r.level]
  // a parent named beside it, or an old district it now belongs to ("xã Tân Quới, huyện Bình Tân")
  if (nearIds.some((n) => anc.includes(n) || (bigger(n) && gaz.records.get(n)!.successorIds.includes(id))))
    support += BONUS.parentNear
  else if (isSmall(r.level) && pNow && nearIds.some((n) => bigger(n) && gaz.provinceNow.get(n) === pNow))
    support += BONUS.sameProvinceNear
  if (!isSmall(r.level) || r.level === 'district') {
    if (nearIds.some((n) => gaz.ancestors.get(n)?.includes(id))) support += BONUS.childNear
    else if (
      r.level === 'province' &&
      nearIds.some((n) => isSmall(gaz.records.get(n)!.level) && gaz.provinceNow.get(n) === pNow)
    )
      support += BONUS.childNearOtherEra
  }
  const own = articleKeys(o, gaz)
  const elsewhere = (m: Map<string, number>, k: string, mine: Set<string>) =>
    (m.get(k) ?? 0) - (mine.has(k) ? 1 : 0) > 0
  if (anc.some((a) => elsewhere(ctx.docAncestors, a, own.ancestors))) support += BONUS.parentInArticle
  else if (isSmall(r.level) && pNow && elsewhere(ctx.docProvinces, pNow, own.provinces))
    support += BONUS.sameProvinceInArticle
  if (
    ctx.home &&
    (anc.includes(ctx.home.id) || ctx.home.chain.includes(id) || (pNow && pNow === ctx.home.province))
  )
    support += BONUS.home
  s += support
  if (r.id.startsWith('vn:')) {
    const wanted = o.old ? 'pre2025' : ctx.at ? (ctx.at < ERA_START_2025 ? 'pre2025' : '2025') : '2025'
    const bonus = o.old ? BONUS.oldMarker : ctx.at ? BONUS.eraByDate : BONUS.eraDefault
    if (r.era === wanted) s += bonus
  }
  if (o.entries.some((e) => e.id === id && e.primary)) s += BONUS.officialName
  return { s, support }
}

function confidenceOf(o: Occurrence, level: PlaceLevel, typeOk: boolean, ambiguous: boolean): number {
  let c = typeOk ? 0.9 : isSmall(level) ? 0.65 : 0.85
  if (o.typeWord && o.typeSource !== 'list' && !typeOk) c *= 0.7
  if (o.folded) c *= 0.9
  if (o.weakStart) c *= 0.75
  if (ambiguous) c *= 0.75
  return Math.round(c * 100) / 100
}

/** Picks one place per occurrence using type words, parents named nearby, the article, home and priors. */
export function resolveOccurrence(
  o: Occurrence,
  all: Occurrence[],
  gaz: Gazetteer,
  base: Omit<Context, 'near'>,
): Resolved | null {
  const near = all.filter(
    (n) =>
      n !== o && n.field === o.field && n.sentence === o.sentence && Math.abs(n.ti - o.ti) <= NEAR_TOKENS,
  )
  const ctx: Context = { ...base, near }
  const { ids, typeOk } = candidateIds(o, gaz)
  const scored = ids
    .map((id) => ({ id, level: gaz.records.get(id)!.level, ...score(id, o, typeOk, ctx, gaz) }))
    // a commune or district named without a type word needs a parent, a neighbour or home to vouch for it
    .filter(
      (c) =>
        typeOk || !isSmall(c.level) || c.support > 0 || WELL_KNOWN_TYPES.has(gaz.records.get(c.id)!.type),
    )
    .sort((a, b) => b.s - a.s || a.id.localeCompare(b.id))
  const best = scored[0]
  if (!best) return null
  const sameNow = (x: string) => (gaz.current.get(x) ?? []).join() === (gaz.current.get(best.id) ?? []).join()
  const rival = scored.find((c) => c.id !== best.id && !sameNow(c.id))
  const ambiguous = !!rival && best.s - rival.s < AMBIGUOUS_MARGIN
  return { id: best.id, confidence: confidenceOf(o, best.level, typeOk, ambiguous) }
}
