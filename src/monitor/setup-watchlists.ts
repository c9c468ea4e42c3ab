import type { Kysely } from 'kysely'
import { loadGazetteer } from '../analyze/places/gazetteer.js'
import { resolveHome } from '../analyze/resolve-home.js'
import { loadTaxonomy } from '../analyze/topics/rules/taxonomy.js'
import type { Database } from '../db/schema.js'
import { ensureDefaultWatchlists } from './default-watchlists.js'

/** The shipped watchlists: one per sensitive topic of the office taxonomy, and the home locality. */
export async function setupDefaultWatchlists(db: Kysely<Database>): Promise<number> {
  const taxonomy = loadTaxonomy()
  const home = await resolveHome(db, loadGazetteer())
  return ensureDefaultWatchlists(db, {
    sensitiveTopics: taxonomy.topics.filter((t) => t.sensitive).map((t) => ({ id: t.id, label: t.label.vi })),
    home: home.placeId ? { placeId: home.placeId, name: home.names[0] ?? home.placeId } : null,
  })
}
