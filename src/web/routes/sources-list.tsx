import type { FastifyInstance } from 'fastify'
import { can } from '../../accounts/permissions.js'
import { sourceHealth, type SourceHealth } from '../../ingest/sources/source-health.js'
import { formatDateTime } from '../../shared/time.js'
import type { AppContext } from '../context.js'
import { type PageCtx, pageCtx } from '../page-context.js'
import { Layout } from '../views/layout.js'

function FeedState(props: { ctx: PageCtx; f: SourceHealth['feeds'][number] }) {
  const { t } = props.ctx
  const f = props.f
  return (
    <li class={f.lastError ? 'feed bad' : 'feed'}>
      <span class="tag" safe>
        {t(`feed.kind.${f.kind}`)}
      </span>{' '}
      <a href={f.url} rel="noopener noreferrer nofollow" safe>
        {f.url}
      </a>
      <br />
      <small safe>
        {`${t('sources.last_fetch')}: ${f.lastSuccessAt ? formatDateTime(f.lastSuccessAt) : '—'} · ${t('sources.next_check')}: ${formatDateTime(f.nextCheckAt)}`}
      </small>
      {f.lastError ? (
        <p class="error" safe>
          {`${t('sources.last_error')} [${f.lastErrorCode ?? ''}]: ${f.lastError}`}
        </p>
      ) : (
        ''
      )}
    </li>
  )
}

export function registerSourcesList(app: FastifyInstance, ctx: AppContext) {
  app.get('/sources', { config: { access: 'articles.view' } }, async (req, reply) => {
    const rows = await sourceHealth(ctx.store.db, new Date())
    const p = pageCtx(req, reply)
    const { t } = p
    const manage = req.user ? can(req.user.role, 'sources.manage') : false
    return reply.html(
      <Layout ctx={p} title={t('sources.title')}>
        <h1 safe>{t('sources.title')}</h1>
        {manage ? (
          <p class="actions">
            <a class="button" href="/sources/new" safe>
              {t('sources.add')}
            </a>{' '}
            <a href="/sources/starter" safe>
              {t('sources.starter')}
            </a>{' '}
            <a href="/sources/opml" safe>
              {t('sources.opml')}
            </a>
          </p>
        ) : (
          ''
        )}
        {rows.length === 0 ? <p safe>{t('common.none')}</p> : ''}
        <table>
          <thead>
            <tr>
              {[
                'sources.name',
                'sources.kind',
                'sources.collection',
                'sources.articles',
                'sources.per_day',
                'sources.feeds',
              ].map((k) => (
                <th scope="col" safe>
                  {t(k)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((s) => (
              <tr>
                <td>
                  <a href={`/articles?source=${s.id}`} safe>
                    {s.name}
                  </a>
                  <br />
                  <small
                    safe
                  >{`${s.country} · ${s.lang} · ${s.verified ? t('sources.verified') : t('sources.unverified')}`}</small>
                </td>
                <td safe>{t(`sources.kind.${s.kind}`)}</td>
                <td safe>{s.collection ?? ''}</td>
                <td>{s.articles}</td>
                <td safe>{s.perDay.toFixed(1)}</td>
                <td>
                  <ul class="feeds">
                    {s.feeds.map((f) => (
                      <FeedState ctx={p} f={f} />
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Layout>,
    )
  })
}
