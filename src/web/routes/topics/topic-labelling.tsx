import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { parseInput } from '../../../accounts/validate.js'
import {
  labelArticle,
  queueRetrain,
  removeLabel,
  type TopicStatus,
  topicStatus,
} from '../../../analyze/user-topics/index.js'
import { type LabelledRow, topicLabels } from '../../../analyze/user-topics/topic-listing.js'
import { getTopicSeed, type NextSuggestion, nextToLabel } from '../../../analyze/user-topics/topic-seed.js'
import type { Db } from '../../../db/database.js'
import { formatDateTime } from '../../../shared/time.js'
import type { AppContext } from '../../context.js'
import { type PageCtx, pageCtx } from '../../page-context.js'
import { formatDecimal } from '../../views/format-number.js'
import { MetricsText } from './topic-metrics-view.js'
import { actorOf, canEdit, EDIT, idParam, str } from './topic-web.js'

/** Suggestions shown at a time: enough to see what comes, few enough to read. */
const SUGGESTIONS = 5
const LABELS_PAGE = 20

export const LabelInput = z.object({
  articleId: z.coerce.number({ error: 'field.required' }).int('field.invalid').positive('field.required'),
  label: z.enum(['in', 'out'], { error: 'field.invalid' }),
})
const UnlabelInput = LabelInput.pick({ articleId: true })

export interface LabellingData {
  status: TopicStatus
  seed: string | null
  suggestions: NextSuggestion[]
  labels: LabelledRow[]
  lpage: number
  hasMoreLabels: boolean
}

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

/** A label button pair for one article; the first suggestion's buttons answer the y / n keys. */
function LabelButtons(props: {
  ctx: PageCtx
  topicId: number
  articleId: number
  title: string
  keys: boolean
}) {
  const { ctx } = props
  const { t } = ctx
  return (
    <form
      method="post"
      action={`/topics/${props.topicId}/labels`}
      class="inline label-form"
      hx-post={`/topics/${props.topicId}/labels`}
      hx-target="#labelling"
      hx-swap="outerHTML"
    >
      <input type="hidden" name="_csrf" value={ctx.csrf} />
      <input type="hidden" name="articleId" value={String(props.articleId)} />
      <button
        type="submit"
        name="label"
        value="in"
        data-key={props.keys ? 'y' : undefined}
        aria-label={t('topics.label_for', { label: t('topics.in'), title: props.title })}
        safe
      >
        {`${t('topics.in')}${props.keys ? ' (y)' : ''}`}
      </button>{' '}
      <button
        type="submit"
        name="label"
        value="out"
        class="secondary"
        data-key={props.keys ? 'n' : undefined}
        aria-label={t('topics.label_for', { label: t('topics.out'), title: props.title })}
        safe
      >
        {`${t('topics.out')}${props.keys ? ' (n)' : ''}`}
      </button>
    </form>
  )
}

/** Pages of the labelled list (`lpage`), apart from the members list's `page`. */
function LabelsPager(props: { ctx: PageCtx; topicId: number; page: number; hasNext: boolean }) {
  const { t } = props.ctx
  const link = (n: number) => `/topics/${props.topicId}?lpage=${n}#labelled-h`
  if (props.page === 1 && !props.hasNext) return ''
  return (
    <nav class="pager" aria-label={t('topics.labelled_list')}>
      {props.page > 1 ? (
        <a rel="prev" href={link(props.page - 1)} safe>
          {t('common.previous')}
        </a>
      ) : (
        ''
      )}
      <span safe>{t('common.page', { page: props.page })}</span>
      {props.hasNext ? (
        <a rel="next" href={link(props.page + 1)} safe>
          {t('common.next')}
        </a>
      ) : (
        ''
      )}
    </nav>
  )
}

function reasonText({ t, locale }: PageCtx, s: NextSuggestion) {
  return s.reason === 'uncertain'
    ? t('topics.reason.uncertain', { score: formatDecimal(locale, s.score ?? 0, 2) })
    : t(`topics.reason.${s.reason}`)
}

/**
 * The part of the topic page a label changes: the counts and quality, the next articles to label and
 * the labelled list. htmx swaps it whole after each label or undo.
 */
export function LabellingBlock(props: { ctx: PageCtx; d: LabellingData; edit: boolean; notice?: string }) {
  const { ctx, d } = props
  const { t } = ctx
  const id = d.status.id
  return (
    <div id="labelling">
      <section class="card" aria-labelledby="topic-state">
        <h2 id="topic-state" safe>
          {t('topics.quality')}
        </h2>
        <p id="label-counts" aria-live="polite" safe>
          {t('topics.status_line', {
            pos: d.status.positives,
            neg: d.status.negatives,
            members: d.status.members,
          })}
        </p>
        <p>
          <MetricsText ctx={ctx} s={d.status} />
        </p>
        <p
          safe
        >{`${t('topics.trained')}: ${d.status.trainedAt ? formatDateTime(d.status.trainedAt) : t('topics.never')}`}</p>
        {d.status.stale ? (
          <p class="help" safe>
            {t('topics.stale')}
          </p>
        ) : (
          ''
        )}
        {d.seed ? (
          <p class="help" safe>
            {t('topics.seed_current', { seed: d.seed })}
          </p>
        ) : (
          ''
        )}
        {props.notice ? (
          <output class="flash" safe>
            {props.notice}
          </output>
        ) : (
          ''
        )}
      </section>
      {props.edit ? (
        <section class="card" id="label-next" aria-labelledby="label-next-h">
          <h2 id="label-next-h" safe>
            {t('topics.label_next')}
          </h2>
          <p class="help" safe>
            {t('topics.label_next_help')}
          </p>
          {d.suggestions.length === 0 ? <p safe>{t('topics.no_suggestions')}</p> : ''}
          <ol class="suggestions">
            {d.suggestions.map((s, i) => (
              <li data-article={String(s.articleId)}>
                <a href={`/articles/${s.articleId}`} safe>
                  {s.title}
                </a>{' '}
                <small safe>{reasonText(ctx, s)}</small>
                <br />
                <LabelButtons ctx={ctx} topicId={id} articleId={s.articleId} title={s.title} keys={i === 0} />
              </li>
            ))}
          </ol>
        </section>
      ) : (
        ''
      )}
      <section class="card" aria-labelledby="labelled-h">
        <h2 id="labelled-h" safe>
          {t('topics.labelled_list')}
        </h2>
        {d.labels.length === 0 ? (
          <p safe>{t('topics.no_labels')}</p>
        ) : (
          <table class="labels">
            <thead>
              <tr>
                {[
                  'topics.article',
                  'topics.label',
                  'topics.by',
                  'topics.at',
                  ...(props.edit ? ['common.actions'] : []),
                ].map((k) => (
                  <th scope="col" safe>
                    {t(k)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {d.labels.map((l) => (
                <tr>
                  <td>
                    <a href={`/articles/${l.articleId}`} lang={l.lang} safe>
                      {l.title}
                    </a>
                  </td>
                  <td safe>{l.label ? t('topics.label_in') : t('topics.label_out')}</td>
                  <td safe>{l.userName ?? '—'}</td>
                  <td safe>{formatDateTime(l.at)}</td>
                  {props.edit ? (
                    <td>
                      <form
                        method="post"
                        action={`/topics/${id}/unlabel`}
                        class="inline"
                        hx-post={`/topics/${id}/unlabel`}
                        hx-target="#labelling"
                        hx-swap="outerHTML"
                      >
                        <input type="hidden" name="_csrf" value={ctx.csrf} />
                        <input type="hidden" name="articleId" value={String(l.articleId)} />
                        <button type="submit" aria-label={t('topics.undo_for', { title: l.title })} safe>
                          {t('topics.undo')}
                        </button>
                      </form>
                    </td>
                  ) : (
                    ''
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <LabelsPager ctx={ctx} topicId={id} page={d.lpage} hasNext={d.hasMoreLabels} />
      </section>
    </div>
  )
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
