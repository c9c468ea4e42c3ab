import type { Kysely, Selectable } from 'kysely'
import { z } from 'zod'
import type { Actor } from '../../accounts/create-user.js'
import { parseInput } from '../../accounts/validate.js'
import { lowerEq, nowIso } from '../../db/dialect.js'
import type { Database, UserTopicsTable } from '../../db/schema.js'
import { recordAudit } from '../../db/tables/audit-log.js'
import { AppError } from '../../shared/errors.js'

export type UserTopicRow = Selectable<UserTopicsTable>

/** The `article_topics.topic` of a user-trained topic. */
export const userTopicKey = (topicId: number) => `user:${topicId}`

export const NewUserTopicInput = z.object({
  name: z.string({ error: 'field.required' }).trim().min(1, 'field.required').max(120, 'field.too_long'),
  description: z
    .string()
    .trim()
    .max(2000, 'field.too_long')
    .nullish()
    .transform((d) => d || null),
})

/** Creates a topic analysts will train by labelling articles; names are unique regardless of case. */
export async function createUserTopic(
  db: Kysely<Database>,
  input: unknown,
  by: Actor,
): Promise<UserTopicRow> {
  const data = parseInput(NewUserTopicInput, input)
  return db.transaction().execute(async (trx) => {
    const same = await trx
      .selectFrom('user_topics')
      .select('id')
      .where(lowerEq('name', data.name))
      .executeTakeFirst()
    if (same) {
      throw new AppError('CONFLICT', `A topic named ${data.name} already exists`, {
        fields: [{ field: 'name', key: 'field.name_taken' }],
      })
    }
    const row = await trx
      .insertInto('user_topics')
      .values({
        name: data.name,
        description: data.description,
        owner_id: by.userId,
        model_json: null,
        metrics_json: null,
        trained_at: null,
        created_at: nowIso(),
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    await recordAudit(trx, {
      ...by,
      action: 'user_topic.create',
      entity: 'user_topic',
      entityId: row.id,
      after: { name: row.name, description: row.description },
    })
    return row
  })
}

export async function getUserTopic(db: Kysely<Database>, topicId: number): Promise<UserTopicRow> {
  const row = await db.selectFrom('user_topics').selectAll().where('id', '=', topicId).executeTakeFirst()
  if (!row) throw new AppError('NOT_FOUND', `No user topic ${topicId}`, { details: { topicId } })
  return row
}

export interface UserTopicSummary {
  id: number
  name: string
  description: string | null
  ownerId: number | null
  createdAt: string
  trainedAt: string | null
  positives: number
  negatives: number
}

/** Every user topic with its label counts, by name. */
export async function listUserTopics(db: Kysely<Database>): Promise<UserTopicSummary[]> {
  const rows = await db
    .selectFrom('user_topics as t')
    .leftJoin('topic_labels as l', 'l.topic_id', 't.id')
    .select((eb) => [
      't.id',
      't.name',
      't.description',
      't.owner_id',
      't.created_at',
      't.trained_at',
      eb.fn.sum<number | string | null>('l.label').as('positives'),
      eb.fn.count<number | string>('l.article_id').as('labels'),
    ])
    .groupBy(['t.id', 't.name', 't.description', 't.owner_id', 't.created_at', 't.trained_at'])
    .orderBy('t.name')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    description: r.description,
    ownerId: r.owner_id,
    createdAt: r.created_at,
    trainedAt: r.trained_at,
    positives: Number(r.positives ?? 0),
    negatives: Number(r.labels) - Number(r.positives ?? 0),
  }))
}

/** Deletes a topic, its labels (cascade) and its article memberships. */
export async function deleteUserTopic(db: Kysely<Database>, topicId: number, by: Actor): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const topic = await getUserTopic(trx, topicId)
    await trx.deleteFrom('article_topics').where('topic', '=', userTopicKey(topicId)).execute()
    await trx.deleteFrom('topic_labels').where('topic_id', '=', topicId).execute()
    await trx.deleteFrom('user_topics').where('id', '=', topicId).execute()
    await recordAudit(trx, {
      ...by,
      action: 'user_topic.delete',
      entity: 'user_topic',
      entityId: topicId,
      before: { name: topic.name, description: topic.description },
    })
  })
}
