import type { FastifyInstance } from 'fastify'
import { listFeeds } from '../../db/tables/feeds.js'
import { listSources } from '../../db/tables/sources.js'
import { parseOpml, writeOpml } from '../../ingest/discover/opml.js'
import { addSource } from '../../ingest/sources/add-source.js'
import { AppError } from '../../shared/errors.js'
import type { AppContext } from '../context.js'
import { pageCtx } from '../page-context.js'
import { Layout } from '../views/layout.js'

/** OPML: export every feed; import a pasted OPML document (one source per site). */
export function registerSourcesOpml(app: FastifyInstance, ctx: AppContext) {
  const access = { config: { access: 'sources.manage' as const } }
  app.get('/sources/opml', access, async (req, reply) => {
    const p = pageCtx(req, reply)
    const { t } = p
    return reply.html(
      <Layout ctx={p} title={t('sources.opml')}>
        <h1 safe>{t('sources.opml')}</h1>
        <p>
          <a href="/sources/opml.xml" download="haidang-sources.opml" safe>
            {t('sources.opml_export')}
          </a>
        </p>
        <form method="post" action="/sources/opml" class="card">
          <input type="hidden" name="_csrf" value={p.csrf} />
          <label for="f-opml" safe>
            {t('sources.opml_import')}
          </label>
          <textarea id="f-opml" name="opml" rows="12" cols="80" required></textarea>
          <button type="submit" safe>
            {t('sources.opml')}
          </button>
        </form>
      </Layout>,
    )
  })

  app.get('/sources/opml.xml', access, async (_req, reply) => {
    const sources = new Map((await listSources(ctx.store.db)).map((s) => [s.id, s]))
    const feeds = (await listFeeds(ctx.store.db)).filter((f) => f.kind === 'feed')
    const xml = writeOpml(
      feeds.map((f) => ({
        title: sources.get(f.source_id)?.name ?? f.url,
        xmlUrl: f.url,
        htmlUrl: sources.get(f.source_id)?.homepage ?? null,
        category: sources.get(f.source_id)?.collection ?? null,
      })),
    )
    return reply
      .type('text/x-opml; charset=utf-8')
      .header('content-disposition', 'attachment; filename="haidang-sources.opml"')
      .send(xml)
  })

  app.post('/sources/opml', access, async (req, reply) => {
    const opml = (req.body as Record<string, unknown>)?.opml
    if (typeof opml !== 'string' || !opml.trim()) throw new AppError('INPUT_INVALID', 'empty OPML')
    const entries = parseOpml(opml)
    let n = 0
    for (const e of entries) {
      const home = e.htmlUrl ?? new URL('/', e.xmlUrl).href
      const vn = new URL(home).hostname.endsWith('.vn')
      await addSource(
        ctx.store.db,
        {
          name: e.title || new URL(home).hostname,
          homepage: home,
          country: vn ? 'VN' : 'ZZ',
          lang: vn ? 'vi' : 'en',
          kind: vn ? 'domestic' : 'foreign',
          collection: e.category ?? undefined,
          feeds: [{ url: e.xmlUrl, kind: 'feed' }],
        },
        { userId: req.user?.id ?? null, actor: req.user?.email ?? '', ip: req.ip },
      )
      n++
    }
    return reply.redirect(`/sources?ok=sources.created&n=${n}`)
  })
}
