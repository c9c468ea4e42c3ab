import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import {
  MIN_LABELS_PER_CLASS,
  needsMoreLabels,
  parseTopicMetrics,
  type TopicMetrics,
} from './topic-metrics.js'
import { getUserTopic, userTopicKey } from './user-topic-store.js'

export interface TopicStatus {
  id: number
  name: string
  description: string | null
  positives: number
  negatives: number
  trainedAt: string | null
  /** labels were added or changed after the last training (a retraining is due) */
  stale: boolean
  /** articles currently in the topic (labelled in, or scored ≥ 0.5) */
  members: number
  /**
   * "Needs more labels" (with the counts) while either class has fewer than MIN_LABELS_PER_CLASS
   * labels; then the cross-validated figures of the last training, or null until it has run.
   */
  metrics: TopicMetrics | null
}

export async function topicStatus(db: Kysely<Database>, topicId: number): Promise<TopicStatus> {
  const topic = await getUserTopic(db, topicId)
  const labels = await db
    .selectFrom('topic_labels')
    .select((eb) => [
      eb.fn.count<number | string>('article_id').as('n'),
      eb.fn.sum<number | string | null>('label').as('positives'),
      eb.fn.max('created_at').as('last'),
    ])
    .where('topic_id', '=', topicId)
    .executeTakeFirstOrThrow()
  const members = await db
    .selectFrom('article_topics')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('topic', '=', userTopicKey(topicId))
    .executeTakeFirstOrThrow()
  const positives = Number(labels.positives ?? 0)
  const negatives = Number(labels.n) - positives
  const stored = parseTopicMetrics(topic.metrics_json)
  const current = needsMoreLabels(positives, negatives)
  const enough = positives >= MIN_LABELS_PER_CLASS && negatives >= MIN_LABELS_PER_CLASS
  return {
    id: topic.id,
    name: topic.name,
    description: topic.description,
    positives,
    negatives,
    trainedAt: topic.trained_at,
    stale: labels.last != null && (topic.trained_at == null || String(labels.last) > topic.trained_at),
    members: Number(members.n),
    metrics: !enough ? current : stored?.status === 'cross_validated' ? stored : null,
  }
}
