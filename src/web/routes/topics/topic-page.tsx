import type { FastifyInstance } from 'fastify'
import { topicMembers } from '../../../analyze/user-topics/topic-listing.js'
import { isAppError } from '../../../shared/errors.js'
import { formatDateTime } from '../../../shared/time.js'
import type { AppContext } from '../../context.js'
import { pageCtx } from '../../page-context.js'
import { Pager } from '../../views/form.js'
import { formatDecimal } from '../../views/format-number.js'
import { Layout } from '../../views/layout.js'
import { LabellingBlock, type LabellingData } from './labelling-block.js'
import { loadLabelling } from './topic-labelling.js'
import { canEdit, pageOf, VIEW } from './topic-web.js'

const MEMBERS_PAGE = 25

/** One topic: quality, labelling (suggestions, labelled list with undo), and its articles, paged. */
export function registerTopicPage(app: FastifyInstance, ctx: AppContext) {
  app.get<{ Params: { id: string }; Querystring: { page?: string; lpage?: string } }>(
    '/topics/:id',
    VIEW,
    async (req, reply) => {
      const raw = req.params.id
      const page = pageOf(req.query.page)
      let d: LabellingData | null = null
      if (/^\d{1,12}$/.test(raw)) {
        try {
          d = await loadLabelling(ctx.store, Number(raw), pageOf(req.query.lpage))
        } catch (e) {
          if (!isAppError(e) || e.code !== 'NOT_FOUND') throw e
        }
      }
      const p = pageCtx(req, reply)
      const { t } = p
      if (!d) {
        reply.status(404)
        return reply.html(
          <Layout ctx={p} title={t('topics.not_found_title')}>
            <section class="card narrow">
              <h1 safe>{`404 · ${t('topics.not_found_title')}`}</h1>
              <p safe>{t('topics.not_found', { id: raw.slice(0, 40) })}</p>
              <p>
                <a href="/topics" safe>
                  {t('topics.back')}
                </a>
              </p>
            </section>
          </Layout>,
        )
      }
      const id = d.status.id
      const members = await topicMembers(ctx.store.db, id, {
        limit: MEMBERS_PAGE + 1,
        offset: (page - 1) * MEMBERS_PAGE,
      })
      return reply.html(
        <Layout ctx={p} title={d.status.name}>
          <p>
            <a href="/topics" safe>
              {t('topics.back')}
            </a>
          </p>
          <h1 safe>{d.status.name}</h1>
          {d.status.description ? <p safe>{d.status.description}</p> : ''}
          <p class="error" role="alert" data-htmx-error hidden safe>
            {t('topics.label_failed')}
          </p>
          <LabellingBlock ctx={p} d={d} edit={canEdit(req)} />
          <section class="card" aria-labelledby="members-h">
            <h2 id="members-h" safe>
              {t('topics.members')}
            </h2>
            {members.length === 0 ? <p safe>{t('topics.no_members')}</p> : ''}
            <ul class="members">
              {members.slice(0, MEMBERS_PAGE).map((m) => (
                <li>
                  <a href={`/articles/${m.id}`} lang={m.lang} safe>
                    {m.title}
                  </a>{' '}
                  <small safe>
                    {`${m.sourceName} · ${formatDateTime(m.publishedAt)} · ${t('topics.score')} ${formatDecimal(p.locale, m.score, 2)} (${m.by === 'label' ? t('topics.by_label') : t('topics.by_model')})`}
                  </small>
                </li>
              ))}
            </ul>
            <Pager ctx={p} page={page} hasNext={members.length > MEMBERS_PAGE} base={`/topics/${id}`} />
          </section>
        </Layout>,
      )
    },
  )
}
