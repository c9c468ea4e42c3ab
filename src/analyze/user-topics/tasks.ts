import type { Kysely } from 'kysely'
import { z } from 'zod'
import type { Database } from '../../db/schema.js'
import type { JobQueue, TaskList } from '../../jobs/job-queue.js'
import type { ScheduleEntry } from '../../jobs/scheduler.js'
import { isAppError } from '../../shared/errors.js'
import type { Logger } from '../../shared/logger.js'
import { rescoreTopic, retrainTopic } from './retrain-topic.js'

export const RETRAIN_TASK = 'topics.retrain'
export const RESCORE_TASK = 'topics.rescore'
/**
 * A retraining waits this long after a label, so a burst of labels (an analyst clicking through
 * suggestions) is taken by one job: the job key keeps one pending job per topic.
 */
export const RETRAIN_DELAY_MS = 5_000

/**
 * Hourly, trained topics score the coverage that arrived since their last retraining (a few seconds
 * per topic for SCORED_ARTICLES articles).
 */
export const USER_TOPIC_SCHEDULE: ScheduleEntry[] = [
  { name: 'user-topics-rescore', pattern: '25 * * * *', task: RESCORE_TASK },
]

const RetrainPayload = z.object({ topicId: z.number().int().positive() })

/** Queues a retraining of the topic; call it after each label (bursts collapse into one job). */
export const queueRetrain = (queue: JobQueue, topicId: number, now = Date.now()) =>
  queue.add(
    RETRAIN_TASK,
    { topicId },
    { jobKey: `retrain:${topicId}`, runAt: new Date(now + RETRAIN_DELAY_MS), maxAttempts: 3 },
  )

/**
 * User-topic jobs: `topics.retrain` ({topicId}) trains, cross-validates and rescores one topic;
 * `topics.rescore` (scheduled) scores the newest articles with every trained topic's stored model.
 * A topic deleted meanwhile is skipped.
 */
export function userTopicTasks(db: Kysely<Database>, log: Logger): TaskList {
  return {
    [RETRAIN_TASK]: async (payload) => {
      const { topicId } = RetrainPayload.parse(payload)
      const out = await skipMissing(() => retrainTopic(db, topicId))
      if (!out) return log.info({ topic_id: topicId }, 'user topic gone, retraining skipped')
      log.info(
        {
          topic_id: topicId,
          trained: out.trained,
          scored: out.scored,
          members: out.members,
          metrics: out.metrics,
        },
        'user topic retrained',
      )
    },
    [RESCORE_TASK]: async () => {
      const topics = await db
        .selectFrom('user_topics')
        .select('id')
        .where('model_json', 'is not', null)
        .execute()
      for (const { id } of topics) {
        const out = await skipMissing(() => rescoreTopic(db, id))
        if (out) log.debug({ topic_id: id, scored: out.scored, members: out.members }, 'user topic rescored')
      }
    },
  }
}

async function skipMissing<T>(fn: () => Promise<T>): Promise<T | null> {
  try {
    return await fn()
  } catch (e) {
    if (isAppError(e) && e.code === 'NOT_FOUND') return null
    throw e
  }
}
