import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import { z } from 'zod'
import { can } from '../../../accounts/permissions.js'
import type { SessionUser } from '../../../accounts/sessions.js'
import { parseInput } from '../../../accounts/validate.js'
import { labelArticle } from '../../../analyze/user-topics/index.js'
import { labelsOfArticle } from '../../../analyze/user-topics/topic-listing.js'
import type { Database } from '../../../db/schema.js'
import { isAppError } from '../../../shared/errors.js'
import type { AppContext } from '../../context.js'
import { type PageCtx, pageCtx } from '../../page-context.js'
import { ErrorPage } from '../../views/error-page.js'
import { queueTopicRetrain } from './topic-labelling.js'
import { actorOf, EDIT, idParam, str } from './topic-web.js'

const PanelInput = z.object({
  topicId: z.coerce.number({ error: 'field.required' }).int('field.invalid').positive('field.required'),
  label: z.enum(['in', 'out'], { error: 'field.invalid' }),
})

export interface TopicPanelData {
  topics: { id: number; name: string }[]
  labels: Map<number, boolean>
}

/** What the article page's topic panel needs; null for users who may not label. */
export async function topicPanelData(
  db: Kysely<Database>,
  articleId: number,
  user: SessionUser | null,
): Promise<TopicPanelData | null> {
  if (!user || !can(user.role, 'watchlists.edit')) return null
  const [topics, labels] = await Promise.all([
    db.selectFrom('user_topics').select(['id', 'name']).orderBy('name').execute(),
    labelsOfArticle(db, articleId),
  ])
  return { topics, labels }
}

/** A small form on the article page: choose a topic, label the article in or out of it. */
export function ArticleTopicPanel(props: { ctx: PageCtx; articleId: number; data: TopicPanelData | null }) {
  const { ctx, data } = props
  if (!data) return ''
  const { t } = ctx
  const current = data.topics
    .filter((x) => data.labels.has(x.id))
    .map((x) => `${x.name} (${data.labels.get(x.id) ? t('topics.label_in') : t('topics.label_out')})`)
  return (
    <section class="topic-panel" aria-labelledby="topic-panel-h">
      <h2 id="topic-panel-h" safe>
        {t('topics.article_panel')}
      </h2>
      {current.length ? <p safe>{t('topics.current', { labels: current.join(', ') })}</p> : ''}
      {data.topics.length === 0 ? (
        <p>
          <a href="/topics" safe>
            {t('topics.no_topics_panel')}
          </a>
        </p>
      ) : (
        <form method="post" action={`/articles/${props.articleId}/topic-label`}>
          <input type="hidden" name="_csrf" value={ctx.csrf} />
          <label for="f-topic" safe>
            {t('topics.choose')}
          </label>
          <select id="f-topic" name="topicId">
            {data.topics.map((x) => (
              <option value={String(x.id)} safe>
                {x.name}
              </option>
            ))}
          </select>{' '}
          <button type="submit" name="label" value="in" safe>
            {t('topics.in')}
          </button>{' '}
          <button type="submit" name="label" value="out" class="secondary" safe>
            {t('topics.out')}
          </button>
        </form>
      )}
    </section>
  )
}

export function registerArticleTopicLabel(app: FastifyInstance, ctx: AppContext) {
  app.post<{ Params: { id: string } }>('/articles/:id/topic-label', EDIT, async (req, reply) => {
    const articleId = idParam(req.params.id, 'article')
    const b = (req.body ?? {}) as Record<string, unknown>
    let input: z.output<typeof PanelInput>
    try {
      input = parseInput(PanelInput, { topicId: str(b.topicId), label: str(b.label) })
    } catch (e) {
      if (!isAppError(e)) throw e
      reply.status(e.status)
      const message = e.fields
        .map((f) => `${req.t(`topics.${f.field === 'topicId' ? 'choose' : 'label'}`)}: ${req.t(f.key)}`)
        .join(' ')
      return reply.html(<ErrorPage ctx={pageCtx(req, reply)} status={e.status} message={message} />)
    }
    await labelArticle(ctx.store.db, input.topicId, articleId, input.label === 'in', actorOf(req))
    await queueTopicRetrain(ctx, input.topicId)
    return reply.redirect(`/articles/${articleId}?ok=topics.labelled`)
  })
}
