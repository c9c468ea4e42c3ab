import type { Kysely } from 'kysely'
import type { Actor } from '../../accounts/create-user.js'
import type { Db } from '../../db/database.js'
import type { Database } from '../../db/schema.js'
import { recordAudit } from '../../db/tables/audit-log.js'
import { getSetting, putSetting } from '../../db/tables/settings.js'
import { parseQuery } from '../../search/query/parse-query.js'
import { searchArticles } from '../../search/search-articles.js'
import { AppError, isAppError } from '../../shared/errors.js'
import { type Suggestion, suggestToLabel } from './suggest-to-label.js'
import { labelMap } from './topic-articles.js'
import { getUserTopic } from './user-topic-store.js'

/** Longest seed query kept: a search, not a document. */
const MAX_SEED = 500
/** Search results read for seed suggestions: the best matches are what the first labels need. */
const SEED_WINDOW = 60

const seedKey = (topicId: number) => `user_topic.seed.${topicId}`

/**
 * Checks a seed query: empty (none) or a query the explorer understands. A syntax error becomes a
 * field problem on `seed` with the position, so the form can say where.
 */
export function parseSeed(raw: string): string | null {
  const seed = raw.trim()
  if (!seed) return null
  if (seed.length > MAX_SEED)
    throw new AppError('VALIDATION_FAILED', 'seed query too long', {
      fields: [{ field: 'seed', key: 'field.too_long' }],
    })
  try {
    parseQuery(seed)
  } catch (e) {
    if (!isAppError(e) || e.code !== 'QUERY_SYNTAX') throw e
    throw new AppError('VALIDATION_FAILED', e.message, {
      fields: [
        { field: 'seed', key: 'field.query_syntax', params: { at: Number(e.details.position ?? 0) + 1 } },
      ],
    })
  }
  return seed
}

/** Stores the topic's seed query (the first suggestions come from its matches). Audited. */
export async function setTopicSeed(db: Kysely<Database>, topicId: number, seed: string, by: Actor) {
  await putSetting(db, seedKey(topicId), seed)
  await recordAudit(db, {
    ...by,
    action: 'user_topic.seed',
    entity: 'user_topic',
    entityId: topicId,
    after: { seed },
  })
}

export const getTopicSeed = async (db: Kysely<Database>, topicId: number) =>
  (await getSetting<string>(db, seedKey(topicId))) ?? null

export const deleteTopicSeed = (db: Kysely<Database>, topicId: number) =>
  db.deleteFrom('settings').where('key', '=', seedKey(topicId)).execute()

/** The seed's best matches; a search that fails (time limit, index missing) only costs the seed. */
async function seedHits(store: Db, seed: string) {
  try {
    return (await searchArticles(store, seed, { sort: 'relevance', limit: SEED_WINDOW, snippets: false }))
      .hits
  } catch (e) {
    if (isAppError(e)) return []
    throw e
  }
}

export interface NextSuggestion extends Omit<Suggestion, 'reason'> {
  reason: Suggestion['reason'] | 'seed'
}

/**
 * What to label next: until the topic has a model, the best matches of its seed query first (when it
 * has one), then the usual suggestions (uncertain once trained, else name matches and the newest).
 */
export async function nextToLabel(store: Db, topicId: number, n: number): Promise<NextSuggestion[]> {
  const topic = await getUserTopic(store.db, topicId)
  const seed = topic.model_json ? null : await getTopicSeed(store.db, topicId)
  const picked: NextSuggestion[] = []
  if (seed) {
    const labels = await labelMap(store.db, topicId)
    for (const h of await seedHits(store, seed)) {
      if (picked.length >= n) break
      if (!labels.has(h.id))
        picked.push({ articleId: h.id, title: h.title, score: null, uncertainty: null, reason: 'seed' })
    }
  }
  if (picked.length >= n) return picked
  const seen = new Set(picked.map((p) => p.articleId))
  const more = await suggestToLabel(store.db, topicId, n + picked.length)
  return [...picked, ...more.filter((s) => !seen.has(s.articleId))].slice(0, n)
}
