import { gunzipSync } from 'node:zlib'
import type { FastifyInstance } from 'fastify'
import { findArticle, syndicationGroup } from '../../db/tables/articles.js'
import { findSource } from '../../db/tables/sources.js'
import { decodeBytes } from '../../ingest/parse/charset.js'
import { AppError } from '../../shared/errors.js'
import { formatDateTime } from '../../shared/time.js'
import type { AppContext } from '../context.js'
import { pageCtx } from '../page-context.js'
import { Layout } from '../views/layout.js'
import { ArticleTopicPanel, topicPanelData } from './topics/article-topic-panel.js'

const idParam = (raw: string) => {
  if (!/^\d{1,12}$/.test(raw)) throw new AppError('NOT_FOUND', `no article ${raw}`)
  return Number(raw)
}

/**
 * The archived page is served with a CSP `sandbox` and no script source, and framed with an empty
 * `sandbox` attribute: whatever the outlet's HTML holds, nothing in it runs.
 */
const ARCHIVE_CSP =
  "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; frame-ancestors 'self'"

export function registerArticleView(app: FastifyInstance, ctx: AppContext) {
  app.get<{ Params: { id: string } }>(
    '/articles/:id',
    { config: { access: 'articles.view' } },
    async (req, reply) => {
      const a = await findArticle(ctx.store.db, idParam(req.params.id))
      if (!a) throw new AppError('NOT_FOUND', `no article ${req.params.id}`)
      const [source, group, raw, topicPanel] = await Promise.all([
        findSource(ctx.store.db, a.source_id),
        syndicationGroup(ctx.store.db, a.dup_of ?? a.id),
        ctx.store.db
          .selectFrom('article_raw')
          .select(['sha256', 'fetched_at'])
          .where('article_id', '=', a.id)
          .executeTakeFirst(),
        topicPanelData(ctx.store.db, a.id, req.user),
      ])
      const p = pageCtx(req, reply)
      const { t } = p
      return reply.html(
        <Layout ctx={p} title={a.title}>
          <article class="article" lang={a.lang}>
            <h1 safe>{a.title}</h1>
            <p class="meta" safe>
              {[
                source?.name ?? '',
                a.published_at ? formatDateTime(a.published_at) : '',
                a.author ? `${t('article.author')}: ${a.author}` : '',
              ]
                .filter(Boolean)
                .join(' · ')}
            </p>
            {a.lead ? (
              <p class="lead" safe>
                {a.lead}
              </p>
            ) : (
              ''
            )}
            {a.body_text.split(/\n{2,}/).map((para) => (
              <p safe>{para}</p>
            ))}
          </article>
          <aside class="card">
            <p>
              <a href={a.url} rel="noopener noreferrer nofollow" target="_blank" safe>
                {t('article.original')}
              </a>
            </p>
            <p safe>{`${t('article.fetched')}: ${formatDateTime(a.fetched_at)}`}</p>
            {group.length > 1 ? (
              <>
                <h2 safe>{t('article.group')}</h2>
                <p safe>{t('article.group_intro', { n: new Set(group.map((g) => g.source_name)).size })}</p>
                <ul>
                  {group.map((g) => (
                    <li>
                      <a
                        href={`/articles/${g.id}`}
                        aria-current={g.id === a.id ? 'page' : undefined}
                        safe
                      >{`${g.source_name} — ${g.title}`}</a>
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              ''
            )}
            <ArticleTopicPanel ctx={p} articleId={a.id} data={topicPanel} />
            {raw ? (
              <>
                <h2 safe>{t('article.archived')}</h2>
                <p>
                  <small safe>{`${t('article.sha256')}: ${raw.sha256}`}</small>
                </p>
                <iframe
                  class="archive"
                  sandbox=""
                  src={`/articles/${a.id}/raw`}
                  title={t('article.archived')}
                  loading="lazy"
                ></iframe>
              </>
            ) : (
              ''
            )}
          </aside>
        </Layout>,
      )
    },
  )

  app.get<{ Params: { id: string } }>(
    '/articles/:id/raw',
    { config: { access: 'articles.view' } },
    async (req, reply) => {
      const raw = await ctx.store.db
        .selectFrom('article_raw')
        .selectAll()
        .where('article_id', '=', idParam(req.params.id))
        .executeTakeFirst()
      if (!raw) throw new AppError('NOT_FOUND', `no archived copy for ${req.params.id}`)
      const html = decodeBytes(gunzipSync(raw.html_gz), {
        charset: raw.content_type?.match(/charset=([\w-]+)/i)?.[1] ?? null,
      }).text
      return reply
        .header('content-security-policy', ARCHIVE_CSP)
        .header('x-frame-options', 'SAMEORIGIN')
        .type('text/html; charset=utf-8')
        .send(html)
    },
  )
}
