import type { FastifyInstance } from 'fastify'
import { listSources } from '../../db/tables/sources.js'
import { addSource } from '../../ingest/sources/add-source.js'
import { loadStarterDirectory } from '../../ingest/sources/starter-directory.js'
import { AppError } from '../../shared/errors.js'
import type { AppContext } from '../context.js'
import { pageCtx } from '../page-context.js'
import { Layout } from '../views/layout.js'

/** The shipped directory of well-known outlets; following one creates it as an unverified source. */
export function registerSourcesStarter(app: FastifyInstance, ctx: AppContext) {
  const access = { config: { access: 'sources.manage' as const } }
  const directory = loadStarterDirectory()

  app.get('/sources/starter', access, async (req, reply) => {
    const followed = new Set((await listSources(ctx.store.db)).map((s) => s.homepage))
    const p = pageCtx(req, reply)
    const { t } = p
    return reply.html(
      <Layout ctx={p} title={t('sources.starter')}>
        <h1 safe>{t('sources.starter')}</h1>
        <table>
          <thead>
            <tr>
              {['sources.name', 'sources.kind', 'sources.collection', 'sources.feeds', 'common.actions'].map(
                (k) => (
                  <th scope="col" safe>
                    {t(k)}
                  </th>
                ),
              )}
            </tr>
          </thead>
          <tbody>
            {directory.map((o) => (
              <tr>
                <td>
                  <a href={o.homepage} rel="noopener noreferrer nofollow" safe>
                    {o.name}
                  </a>
                  <br />
                  <small safe>{`${o.country} · ${o.lang}`}</small>
                </td>
                <td safe>{t(`sources.kind.${o.kind}`)}</td>
                <td safe>{o.collection}</td>
                <td>{o.feeds.length}</td>
                <td>
                  {followed.has(o.homepage) ? (
                    <span safe>{t('sources.enabled')}</span>
                  ) : (
                    <form method="post" action={`/sources/starter/${o.key}`} class="inline">
                      <input type="hidden" name="_csrf" value={p.csrf} />
                      <button type="submit" safe>
                        {t('sources.enable')}
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Layout>,
    )
  })

  app.post<{ Params: { key: string } }>('/sources/starter/:key', access, async (req, reply) => {
    const o = directory.find((x) => x.key === req.params.key)
    if (!o) throw new AppError('NOT_FOUND', `no starter outlet ${req.params.key}`)
    const feeds = o.feeds.map((url) => ({ url, kind: 'feed' as const }))
    await addSource(
      ctx.store.db,
      { ...o, feeds },
      { userId: req.user?.id ?? null, actor: req.user?.email ?? '', ip: req.ip },
    )
    return reply.redirect('/sources/starter?ok=sources.created')
  })
}
