import { PassThrough } from 'node:stream'
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { recordAudit } from '../../db/tables/audit-log.js'
import { exportRows } from '../../search/export/result-rows.js'
import { writeCsv } from '../../search/export/write-csv.js'
import { writeJsonl } from '../../search/export/write-jsonl.js'
import { writeXlsx } from '../../search/export/write-xlsx.js'
import { savedSearchFeed } from '../../search/saved-search-feed.js'
import {
  createSavedSearch,
  deleteSavedSearch,
  listSavedSearches,
  savedSearchByToken,
} from '../../search/saved-searches.js'
import { AppError } from '../../shared/errors.js'
import type { AppContext } from '../context.js'
import { pageCtx } from '../page-context.js'
import { Layout } from '../views/layout.js'

const EXPORTS = {
  csv: { type: 'text/csv; charset=utf-8', write: writeCsv },
  jsonl: { type: 'application/x-ndjson; charset=utf-8', write: writeJsonl },
  xlsx: { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', write: writeXlsx },
} as const

const SaveBody = z.object({ name: z.string(), query: z.string(), shared: z.string().optional() })

/** Saved searches (list, save, delete), their token-protected feeds, and exports of any result set. */
export function registerSavedSearches(app: FastifyInstance, ctx: AppContext) {
  const store = ctx.store
  app.get('/saved-searches', { config: { access: 'articles.view' } }, async (req, reply) => {
    const rows = await listSavedSearches(store, req.user?.id ?? null)
    const p = pageCtx(req, reply)
    const { t } = p
    const token = (req.query as { token?: string; id?: string }).token
    const created = (req.query as { id?: string }).id
    return reply.html(
      <Layout ctx={p} title={t('saved.title')}>
        <h1 safe>{t('saved.title')}</h1>
        {token && created && /^[\w-]{10,100}$/.test(token) && /^\d+$/.test(created) ? (
          <p
            class="flash"
            safe
          >{`${t('saved.created')} ${ctx.config.publicUrl}/feeds/saved/${created}.rss?token=${token}`}</p>
        ) : (
          ''
        )}
        {rows.length === 0 ? <p safe>{t('common.none')}</p> : ''}
        <ul class="items">
          {rows.map((s) => (
            <li>
              <a href={`/explore?q=${encodeURIComponent(s.query)}&sort=${s.sort}`} safe>
                {s.name}
              </a>{' '}
              <code safe>{s.query}</code>{' '}
              {s.owner_id === req.user?.id ? (
                <form method="post" action={`/saved-searches/${s.id}/delete`} class="inline">
                  <input type="hidden" name="_csrf" value={p.csrf} />
                  <button type="submit" class="link" safe>
                    {t('saved.delete')}
                  </button>
                </form>
              ) : (
                ''
              )}
            </li>
          ))}
        </ul>
      </Layout>,
    )
  })

  app.post('/saved-searches', { config: { access: 'watchlists.edit' } }, async (req, reply) => {
    const b = SaveBody.safeParse(req.body)
    if (!b.success || !b.data.name.trim())
      throw new AppError('VALIDATION_FAILED', 'name and query are required', {
        fields: [{ field: 'name', key: 'field.required' }],
      })
    const { saved, token } = await createSavedSearch(store, req.user?.id ?? null, {
      name: b.data.name,
      query: b.data.query,
      shared: b.data.shared === '1',
    })
    await recordAudit(store.db, {
      userId: req.user?.id ?? null,
      actor: req.user?.email ?? '',
      action: 'saved_search.create',
      entity: 'saved_search',
      entityId: saved.id,
      after: { name: saved.name, query: saved.query, shared: saved.shared },
    })
    return reply.redirect(`/saved-searches?id=${saved.id}&token=${token}`)
  })

  app.post<{ Params: { id: string } }>(
    '/saved-searches/:id/delete',
    { config: { access: 'watchlists.edit' } },
    async (req, reply) => {
      await deleteSavedSearch(store, Number(req.params.id), req.user?.id ?? null)
      await recordAudit(store.db, {
        userId: req.user?.id ?? null,
        actor: req.user?.email ?? '',
        action: 'saved_search.delete',
        entity: 'saved_search',
        entityId: req.params.id,
      })
      return reply.redirect('/saved-searches?ok=saved.deleted')
    },
  )

  // Feeds are read by feed readers without a session: the per-search token is the key.
  app.get<{ Params: { id: string; format: string }; Querystring: { token?: string } }>(
    '/feeds/saved/:id.:format',
    { config: { access: 'public' } },
    async (req, reply) => {
      const format = req.params.format
      if (format !== 'rss' && format !== 'atom' && format !== 'json')
        throw new AppError('NOT_FOUND', 'unknown feed format')
      const saved = await savedSearchByToken(store, Number(req.params.id), req.query.token ?? '')
      const base = ctx.config.publicUrl
      const feed = await savedSearchFeed(store, saved, format, {
        selfUrl: `${base}/feeds/saved/${saved.id}.${format}`,
        pageUrl: `${base}/explore?q=${encodeURIComponent(saved.query)}`,
      })
      return reply.type(feed.contentType).send(feed.body)
    },
  )

  app.get<{ Params: { format: string }; Querystring: { q?: string } }>(
    '/explore/export.:format',
    { config: { access: 'articles.view' } },
    async (req, reply) => {
      const kind = EXPORTS[req.params.format as keyof typeof EXPORTS]
      if (!kind) throw new AppError('NOT_FOUND', 'unknown export format')
      const q = (req.query.q ?? '').trim()
      if (!q) throw new AppError('INPUT_INVALID', 'empty query')
      const out = new PassThrough()
      const stamp = new Date().toISOString().slice(0, 10)
      reply
        .type(kind.type)
        .header('content-disposition', `attachment; filename="haidang-${stamp}.${req.params.format}"`)
      kind.write(exportRows(store, q), out).then(
        () => out.end(),
        (e: unknown) => out.destroy(e as Error),
      )
      return reply.send(out)
    },
  )
}
