import type { FastifyInstance } from 'fastify'
import { countArticles, listArticles } from '../../db/tables/articles.js'
import { formatDateTime } from '../../shared/time.js'
import type { AppContext } from '../context.js'
import { pageCtx } from '../page-context.js'
import { Pager } from '../views/form.js'
import { Layout } from '../views/layout.js'
import { TableHead } from '../views/table-head.js'

const PAGE_SIZE = 50

/** The plain article list, newest first (the explorer replaces it with search). */
export function registerArticlesList(app: FastifyInstance, ctx: AppContext) {
  app.get<{ Querystring: { page?: string; source?: string } }>(
    '/articles',
    { config: { access: 'articles.view' } },
    async (req, reply) => {
      const page = Math.max(1, Math.min(100_000, Number.parseInt(req.query.page ?? '1', 10) || 1))
      const sourceId =
        req.query.source && /^\d+$/.test(req.query.source) ? Number(req.query.source) : undefined
      const [rows, total] = await Promise.all([
        listArticles(ctx.store.db, { limit: PAGE_SIZE + 1, offset: (page - 1) * PAGE_SIZE, sourceId }),
        countArticles(ctx.store.db),
      ])
      const p = pageCtx(req, reply)
      const { t } = p
      return reply.html(
        <Layout ctx={p} title={t('articles.title')}>
          <h1 safe>{`${t('articles.title')} (${total})`}</h1>
          {rows.length === 0 ? <p safe>{t('common.none')}</p> : ''}
          <table>
            <TableHead
              t={t}
              keys={['articles.published', 'articles.title', 'articles.source', 'articles.lang']}
            />
            <tbody>
              {rows.slice(0, PAGE_SIZE).map((a) => (
                <tr>
                  <td safe>{formatDateTime(a.published_at ?? a.fetched_at)}</td>
                  <td>
                    <a href={`/articles/${a.id}`} safe>
                      {a.title}
                    </a>
                    {a.dup_of ? <small safe>{` · ${t('article.group')}`}</small> : ''}
                  </td>
                  <td safe>{a.source_name}</td>
                  <td safe>{a.lang}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager
            ctx={p}
            page={page}
            hasNext={rows.length > PAGE_SIZE}
            base={sourceId ? `/articles?source=${sourceId}` : '/articles'}
          />
        </Layout>,
      )
    },
  )
}
