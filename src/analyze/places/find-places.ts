import type { Gazetteer } from './gazetteer.js'
import type { PlaceMention } from './place-record.js'
import { type Resolved, articleKeys, pruneOccurrence, resolveOccurrence } from './resolve-places.js'
import { type Field, type Occurrence, isAccentedText, scanField } from './scan-places.js'
import { tokenize } from './tokenize.js'

export interface ArticleText {
  title?: string | null
  lead?: string | null
  body: string
}

export interface FindPlacesOptions {
  /** the office's own locality (a place id): breaks ties in its favour */
  home?: string
  /** publication date (ISO); before 2025-07-01 the old units are preferred for names that exist in both lists */
  at?: string
}

const FIELDS: Field[] = ['title', 'lead', 'body']

function countKeys(occs: Occurrence[], gaz: Gazetteer) {
  const docAncestors = new Map<string, number>()
  const docProvinces = new Map<string, number>()
  for (const o of occs) {
    const k = articleKeys(o, gaz)
    for (const a of k.ancestors) docAncestors.set(a, (docAncestors.get(a) ?? 0) + 1)
    for (const p of k.provinces) docProvinces.set(p, (docProvinces.get(p) ?? 0) + 1)
  }
  return { docAncestors, docProvinces }
}

function aggregate(found: { o: Occurrence; r: Resolved }[], gaz: Gazetteer): PlaceMention[] {
  const byId = new Map<string, PlaceMention>()
  for (const { o, r } of found) {
    let m = byId.get(r.id)
    if (!m) {
      const rec = gaz.records.get(r.id)!
      m = {
        placeId: r.id,
        name: rec.name,
        level: rec.level,
        field: o.field,
        count: 0,
        fields: { title: 0, lead: 0, body: 0 },
        confidence: 0,
        currentIds: gaz.current.get(r.id) ?? [r.id],
      }
      byId.set(r.id, m)
    }
    m.count++
    m.fields[o.field]++
    m.confidence = Math.max(m.confidence, r.confidence)
    if (FIELDS.indexOf(o.field) < FIELDS.indexOf(m.field)) m.field = o.field
  }
  return [...byId.values()].sort(
    (a, b) =>
      FIELDS.indexOf(a.field) - FIELDS.indexOf(b.field) || b.count - a.count || b.confidence - a.confidence,
  )
}

/**
 * Recognises the places an article names (countries, regions, provinces, districts, communes of both
 * administrative lists), one mention per place with counts per field, and maps each to today's units.
 */
export function findPlaces(text: ArticleText, gaz: Gazetteer, opts: FindPlacesOptions = {}): PlaceMention[] {
  const fields = FIELDS.flatMap((f) => {
    const t = text[f]
    return t ? [{ field: f, tokens: tokenize(t.normalize('NFC')) }] : []
  })
  const accented = isAccentedText(fields.map((f) => f.tokens))
  const occs = fields
    .flatMap((f) => scanField(f.field, f.tokens, gaz.trie, accented))
    .flatMap((o) => pruneOccurrence(o, gaz) ?? [])
  const home =
    opts.home && gaz.records.has(opts.home)
      ? {
          id: opts.home,
          chain: [opts.home, ...(gaz.ancestors.get(opts.home) ?? [])],
          province: gaz.provinceNow.get(opts.home) ?? null,
        }
      : null
  const base = { ...countKeys(occs, gaz), home, at: opts.at ?? null }
  const found: { o: Occurrence; r: Resolved }[] = []
  for (const o of occs) {
    const r = resolveOccurrence(o, occs, gaz, base)
    if (r) found.push({ o, r })
  }
  return aggregate(found, gaz)
}
