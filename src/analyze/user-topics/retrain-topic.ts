import type { Kysely } from 'kysely'
import { nowIso } from '../../db/dialect.js'
import type { Database } from '../../db/schema.js'
import { type BinaryModel, binaryModelFromJSON, trainBinaryModel } from '../topics/linear/binary-model.js'
import { LABELLED_SCORE } from './label-article.js'
import { forRecentArticles, labelledArticles, labelMap, topicText } from './topic-articles.js'
import { crossValidate, MEMBER_THRESHOLD, needsMoreLabels, type TopicMetrics } from './topic-metrics.js'
import { getUserTopic, userTopicKey } from './user-topic-store.js'

/**
 * The model scores the newest this many articles at each retraining: recent coverage is what analysts
 * read, and it bounds a retraining to seconds on any archive. Labelled articles are members by label.
 */
export const SCORED_ARTICLES = 5_000
/** Membership rows inserted per statement: well under both databases' bound-parameter limits. */
const INSERT_CHUNK = 500

export interface RetrainOutcome {
  topicId: number
  /** false while the labels hold only one class: no model can be trained yet */
  trained: boolean
  metrics: TopicMetrics
  scored: number
  members: number
}

/**
 * Trains the topic's model on its labelled articles (title, lead, body), cross-validates it when there
 * are enough labels, stores model and figures, then rewrites the topic's memberships: labelled-in
 * articles, and the newest articles the model scores at ≥ 0.5 (score stored). Idempotent.
 */
export async function retrainTopic(
  db: Kysely<Database>,
  topicId: number,
  opts: { scored?: number } = {},
): Promise<RetrainOutcome> {
  await getUserTopic(db, topicId)
  const labelled = await labelledArticles(db, topicId)
  const examples = labelled.map((a) => ({ text: topicText(a), positive: a.label === 1 }))
  const positives = examples.filter((e) => e.positive).length
  const negatives = examples.length - positives
  const model = positives > 0 && negatives > 0 ? trainBinaryModel(examples) : null
  const metrics = model ? crossValidate(examples) : needsMoreLabels(positives, negatives)
  const scoring = await scoreMembers(db, topicId, model, opts.scored ?? SCORED_ARTICLES)
  await db.transaction().execute(async (trx) => {
    await getUserTopic(trx, topicId) // deleted while training: write nothing
    await writeMembers(trx, topicId, scoring.members)
    await trx
      .updateTable('user_topics')
      .set({
        model_json: model ? JSON.stringify(model.toJSON()) : null,
        metrics_json: JSON.stringify(metrics),
        trained_at: nowIso(),
      })
      .where('id', '=', topicId)
      .execute()
  })
  return {
    topicId,
    trained: model !== null,
    metrics,
    scored: scoring.scored,
    members: scoring.members.length,
  }
}

/**
 * Scores the newest articles again with the stored model, without training: for coverage that arrived
 * since the last retraining. Returns null when the topic has no model yet.
 */
export async function rescoreTopic(
  db: Kysely<Database>,
  topicId: number,
  opts: { scored?: number } = {},
): Promise<{ scored: number; members: number } | null> {
  const topic = await getUserTopic(db, topicId)
  if (!topic.model_json) return null
  const model = binaryModelFromJSON(JSON.parse(topic.model_json))
  const scoring = await scoreMembers(db, topicId, model, opts.scored ?? SCORED_ARTICLES)
  await db.transaction().execute(async (trx) => {
    await getUserTopic(trx, topicId)
    await writeMembers(trx, topicId, scoring.members)
  })
  return { scored: scoring.scored, members: scoring.members.length }
}

interface Member {
  articleId: number
  score: number
  by: 'label' | 'model'
}

async function scoreMembers(db: Kysely<Database>, topicId: number, model: BinaryModel | null, limit: number) {
  const labels = await labelMap(db, topicId)
  const members: Member[] = []
  for (const [articleId, yes] of labels)
    if (yes) members.push({ articleId, score: LABELLED_SCORE, by: 'label' })
  const scored = model
    ? await forRecentArticles(db, { limit }, (a) => {
        if (labels.has(a.id)) return
        const score = model.predict(topicText(a))
        if (score >= MEMBER_THRESHOLD) members.push({ articleId: a.id, score, by: 'model' })
      })
    : 0
  return { scored, members }
}

async function writeMembers(db: Kysely<Database>, topicId: number, members: Member[]): Promise<void> {
  const topic = userTopicKey(topicId)
  await db.deleteFrom('article_topics').where('topic', '=', topic).execute()
  for (let i = 0; i < members.length; i += INSERT_CHUNK) {
    await db
      .insertInto('article_topics')
      .values(
        members.slice(i, i + INSERT_CHUNK).map((m) => ({
          article_id: m.articleId,
          topic,
          source: 'user' as const,
          score: m.score,
          why_json: JSON.stringify({ by: m.by }),
        })),
      )
      .execute()
  }
}
