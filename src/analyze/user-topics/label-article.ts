import type { Kysely, Transaction } from 'kysely'
import type { Actor } from '../../accounts/create-user.js'
import { nowIso } from '../../db/dialect.js'
import type { Database } from '../../db/schema.js'
import { recordAudit } from '../../db/tables/audit-log.js'
import { AppError } from '../../shared/errors.js'
import { getUserTopic, userTopicKey } from './user-topic-store.js'

/** A person's label is certain: a labelled-in article is a member at this score, whatever the model says. */
export const LABELLED_SCORE = 1

export interface LabelChange {
  /** the label before this call, null if the article was not labelled */
  previous: boolean | null
  changed: boolean
}

/**
 * Labels an article in (true) or out (false) of a user topic, replacing an earlier label, and updates
 * the article's membership at once (the model catches up when the topic retrains). Audited.
 */
export async function labelArticle(
  db: Kysely<Database>,
  topicId: number,
  articleId: number,
  label: boolean,
  by: Actor,
): Promise<LabelChange> {
  return db.transaction().execute(async (trx) => {
    const previous = await currentLabel(trx, topicId, articleId)
    const at = nowIso()
    await trx
      .insertInto('topic_labels')
      .values({
        topic_id: topicId,
        article_id: articleId,
        label: label ? 1 : 0,
        user_id: by.userId,
        created_at: at,
      })
      .onConflict((oc) =>
        oc
          .columns(['topic_id', 'article_id'])
          .doUpdateSet({ label: label ? 1 : 0, user_id: by.userId, created_at: at }),
      )
      .execute()
    await setMembership(trx, topicId, articleId, label)
    await recordAudit(trx, {
      ...by,
      action: 'user_topic.label',
      entity: 'user_topic',
      entityId: topicId,
      before: previous === null ? null : { articleId, label: previous },
      after: { articleId, label },
    })
    return { previous, changed: previous !== label }
  })
}

/** Withdraws a label; the article's membership is left to the model at the next retraining. Audited. */
export async function removeLabel(
  db: Kysely<Database>,
  topicId: number,
  articleId: number,
  by: Actor,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const previous = await currentLabel(trx, topicId, articleId)
    if (previous === null) return false
    await trx
      .deleteFrom('topic_labels')
      .where('topic_id', '=', topicId)
      .where('article_id', '=', articleId)
      .execute()
    await recordAudit(trx, {
      ...by,
      action: 'user_topic.unlabel',
      entity: 'user_topic',
      entityId: topicId,
      before: { articleId, label: previous },
    })
    return true
  })
}

/** Checks the topic and the article exist, and returns the article's label (null if none). */
async function currentLabel(trx: Transaction<Database>, topicId: number, articleId: number) {
  await getUserTopic(trx, topicId)
  const article = await trx.selectFrom('articles').select('id').where('id', '=', articleId).executeTakeFirst()
  if (!article) throw new AppError('NOT_FOUND', `No article ${articleId}`, { details: { articleId } })
  const row = await trx
    .selectFrom('topic_labels')
    .select('label')
    .where('topic_id', '=', topicId)
    .where('article_id', '=', articleId)
    .executeTakeFirst()
  return row ? row.label === 1 : null
}

async function setMembership(
  trx: Transaction<Database>,
  topicId: number,
  articleId: number,
  member: boolean,
) {
  const topic = userTopicKey(topicId)
  await trx
    .deleteFrom('article_topics')
    .where('article_id', '=', articleId)
    .where('topic', '=', topic)
    .execute()
  if (!member) return
  await trx
    .insertInto('article_topics')
    .values({
      article_id: articleId,
      topic,
      source: 'user',
      score: LABELLED_SCORE,
      why_json: JSON.stringify({ by: 'label' }),
    })
    .execute()
}
