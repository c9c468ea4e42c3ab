import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { parseInput } from '../../../accounts/validate.js'
import { labelArticle, queueRetrain, removeLabel, topicStatus } from '../../../analyze/user-topics/index.js'
import { topicLabels } from '../../../analyze/user-topics/topic-listing.js'
import { getTopicSeed, nextToLabel } from '../../../analyze/user-topics/topic-seed.js'
import type { Db } from '../../../db/database.js'
import type { AppContext } from '../../context.js'
import { pageCtx } from '../../page-context.js'
import { LabellingBlock, type LabellingData } from './labelling-block.js'
import { actorOf, canEdit, EDIT, idParam, str } from './topic-web.js'

/** Suggestions shown at a time: enough to see what comes, few enough to read. */
const SUGGESTIONS = 5
const LABELS_PAGE = 20

export const LabelInput = z.object({
  articleId: z.coerce.number({ error: 'field.required' }).int('field.invalid').positive('field.required'),
  label: z.enum(['in', 'out'], { error: 'field.invalid' }),
})
const UnlabelInput = LabelInput.pick({ articleId: true })

export async function loadLabelling(store: Db, topicId: number, lpage: number): Promise<LabellingData> {
  const [status, seed, suggestions, labels] = await Promise.all([
    topicStatus(store.db, topicId),
    getTopicSeed(store.db, topicId),
    nextToLabel(store, topicId, SUGGESTIONS),
    topicLabels(store.db, topicId, { limit: LABELS_PAGE + 1, offset: (lpage - 1) * LABELS_PAGE }),
  ])
  return {
    status,
    seed,
    suggestions,
    labels: labels.slice(0, LABELS_PAGE),
    lpage,
    hasMoreLabels: labels.length > LABELS_PAGE,
  }
}

/** Queues the topic's retraining after a label change (a burst of labels collapses into one job). */
export async function queueTopicRetrain(ctx: AppContext, topicId: number) {
  if (ctx.queue) await queueRetrain(ctx.queue, topicId)
  else ctx.log.warn({ topic_id: topicId }, 'no job queue: user topic not queued for retraining')
}

/** Label and undo: each answers htmx with the refreshed block, a plain form post with a redirect. */
export function registerTopicLabelling(app: FastifyInstance, ctx: AppContext) {
  const reply = async (req: FastifyRequest, res: FastifyReply, topicId: number, notice: string) => {
    if (req.headers['hx-request'] !== 'true') return res.redirect(`/topics/${topicId}?ok=${notice}`)
    const d = await loadLabelling(ctx.store, topicId, 1)
    const p = pageCtx(req, res)
    return res.html(<LabellingBlock ctx={p} d={d} edit={canEdit(req)} notice={p.t(notice)} />)
  }
  const retrain = (topicId: number) => queueTopicRetrain(ctx, topicId)

  app.post<{ Params: { id: string } }>('/topics/:id/labels', EDIT, async (req, res) => {
    const topicId = idParam(req.params.id, 'topic')
    const b = (req.body ?? {}) as Record<string, unknown>
    const input = parseInput(LabelInput, { articleId: str(b.articleId), label: str(b.label) })
    await labelArticle(ctx.store.db, topicId, input.articleId, input.label === 'in', actorOf(req))
    await retrain(topicId)
    return reply(req, res, topicId, 'topics.labelled')
  })

  app.post<{ Params: { id: string } }>('/topics/:id/unlabel', EDIT, async (req, res) => {
    const topicId = idParam(req.params.id, 'topic')
    const b = (req.body ?? {}) as Record<string, unknown>
    const input = parseInput(UnlabelInput, { articleId: str(b.articleId) })
    if (await removeLabel(ctx.store.db, topicId, input.articleId, actorOf(req))) await retrain(topicId)
    return reply(req, res, topicId, 'topics.unlabelled')
  })
}
