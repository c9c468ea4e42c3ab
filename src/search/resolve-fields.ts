import { sql } from 'kysely'
import { loadShippedPlaces } from '../analyze/places/shipped-places.js'
import type { Db } from '../db/database.js'
import { foldText } from '../text/fold.js'
import { normalizeText } from '../text/normalize.js'
import type { FieldNode, QueryNode } from './query/ast.js'

/** Place and source names change rarely: re-read them at most this often per open database. */
const NAME_CACHE_MS = 5 * 60_000

interface NameRow {
  id: string | number
  names: string[]
}
interface NameCache {
  at: number
  sources: NameRow[]
  places: NameRow[]
}
const caches = new WeakMap<Db, NameCache>()

/** Ids each `source:` / `place:` field stands for; other fields need no lookup. */
export type ResolvedFields = Map<FieldNode, readonly (string | number)[]>

async function loadNames(store: Db): Promise<NameCache> {
  const cached = caches.get(store)
  if (cached && Date.now() - cached.at < NAME_CACHE_MS) return cached
  const sources = await store.db.selectFrom('sources').select(['id', 'name', 'homepage']).execute()
  let places: NameRow[] = []
  try {
    const rows = await sql<{
      id: string
      name: string
      name_en: string | null
    }>`select id, name, name_en from places`.execute(store.db)
    places = rows.rows.map((r) => ({ id: r.id, names: [r.name, r.name_en ?? ''] }))
  } catch {
    places = [] // no gazetteer table yet: place: then matches stored place ids only
  }
  // The shipped provinces, countries and regions (with their aliases: TP.HCM, Sài Gòn, HCMC…) and
  // every place analysis has recorded are nameable too, before any official list is imported.
  for (const r of loadShippedPlaces())
    places.push({ id: r.id, names: [r.name, r.nameEn ?? '', ...r.aliases] })
  const seen = await store.db.selectFrom('article_places').select(['place_id', 'name']).distinct().execute()
  for (const r of seen) places.push({ id: r.place_id, names: [r.name] })
  const fresh = {
    at: Date.now(),
    sources: sources.map((s) => ({ id: s.id, names: [s.name, s.homepage] })),
    places,
  }
  caches.set(store, fresh)
  return fresh
}

/** Forgets cached names (after adding sources or importing the gazetteer). */
export const forgetNames = (store: Db) => caches.delete(store)

/** Same per-word rule as text: a value with diacritics compares exactly, a plain one on folded forms. */
function nameMatcher(value: string, whole: boolean): (name: string) => boolean {
  const exact = normalizeText(value).toLowerCase()
  const folded = foldText(exact)
  const useExact = exact !== folded
  return (name) => {
    const n = useExact ? normalizeText(name).toLowerCase() : foldText(normalizeText(name))
    const v = useExact ? exact : folded
    return whole ? n === v : n.includes(v)
  }
}

function fieldNodes(node: QueryNode, out: FieldNode[] = []): FieldNode[] {
  if (node.kind === 'FieldNode') out.push(node)
  else if (node.kind === 'AndNode' || node.kind === 'OrNode')
    for (const c of node.children) fieldNodes(c, out)
  else if (node.kind === 'NotNode') fieldNodes(node.child, out)
  return out
}

/**
 * Looks up the sources (`source:` matches part of the name or homepage, or the id) and places
 * (`place:` matches a whole gazetteer name, English name or id) a query names.
 */
export async function resolveFields(store: Db, tree: QueryNode): Promise<ResolvedFields> {
  const out: ResolvedFields = new Map()
  const nodes = fieldNodes(tree).filter((n) => n.field === 'source' || n.field === 'place')
  if (nodes.length === 0) return out
  const names = await loadNames(store)
  for (const n of nodes) {
    if (n.field !== 'source' && n.field !== 'place') continue
    const rows = n.field === 'source' ? names.sources : names.places
    const matches = nameMatcher(n.value, n.field === 'place')
    const ids = rows
      .filter((r) => String(r.id) === n.value || r.names.some((x) => x !== '' && matches(x)))
      .map((r) => r.id)
    out.set(n, n.field === 'place' ? [...new Set([...ids, n.value])] : ids)
  }
  return out
}
