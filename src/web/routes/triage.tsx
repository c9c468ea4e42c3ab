import type { FastifyInstance } from 'fastify'
import type { TriageStatus } from '../../db/schema.js'
import { watchlistsOfArticles } from '../../monitor/store/watchlist-matches.js'
import { AppError } from '../../shared/errors.js'
import { formatDateTime } from '../../shared/time.js'
import { STATUSES, triageQueue, triageWatchlists, updateTriage } from '../../workspace/triage/triage.js'
import type { AppContext } from '../context.js'
import { pageCtx } from '../page-context.js'
import { Pager } from '../views/form.js'
import { Layout } from '../views/layout.js'
import { TableHead } from '../views/table-head.js'

const PAGE_SIZE = 50
type Query = { status?: string; mine?: string; page?: string; watchlist?: string }

const list = (v: unknown) =>
  (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string')

/** The triage queue: sensitive coverage with status, assignee, tags, notes; bulk actions; keyboard. */
export function registerTriage(app: FastifyInstance, ctx: AppContext) {
  const access = { config: { access: 'triage.edit' as const } }
  app.get<{ Querystring: Query }>('/triage', access, async (req, reply) => {
    const status = (STATUSES as readonly string[]).includes(req.query.status ?? '')
      ? (req.query.status as TriageStatus)
      : req.query.status === 'all'
        ? undefined
        : 'open'
    const mine = req.query.mine === '1'
    const page = Math.max(1, Math.min(1000, Number.parseInt(req.query.page ?? '1', 10) || 1))
    const lists = await triageWatchlists(ctx.store.db, req.user?.id ?? 0)
    const wanted = Number.parseInt(req.query.watchlist ?? '', 10)
    const watchlistId = lists.some((w) => w.id === wanted) ? wanted : undefined
    const rows = await triageQueue(ctx.store.db, {
      status,
      watchlistId,
      assigneeId: mine ? req.user?.id : undefined,
      limit: PAGE_SIZE + 1,
      offset: (page - 1) * PAGE_SIZE,
    })
    const on = new Map<number, string[]>()
    for (const m of await watchlistsOfArticles(
      ctx.store.db,
      rows.map((r) => r.id),
    ))
      on.set(m.article_id, [...(on.get(m.article_id) ?? []), m.name])
    const p = pageCtx(req, reply)
    const { t } = p
    const wl = watchlistId ? `&watchlist=${watchlistId}` : ''
    const base = `/triage?status=${req.query.status ?? 'open'}${mine ? '&mine=1' : ''}${wl}`
    return reply.html(
      <Layout ctx={p} title={t('triage.title')}>
        <h1 safe>{t('triage.title')}</h1>
        <nav class="filters" aria-label={t('triage.status')}>
          {[
            ['open', 'triage.open'],
            ['all', 'triage.all'],
            ...STATUSES.map((s) => [s, `triage.status.${s}`]),
          ].map(([k, label]) => (
            <a
              href={`/triage?status=${k}${mine ? '&mine=1' : ''}${wl}`}
              aria-current={(req.query.status ?? 'open') === k ? 'page' : undefined}
              safe
            >
              {t(label!)}
            </a>
          ))}
          <a
            href={`/triage?status=${req.query.status ?? 'open'}${mine ? '' : '&mine=1'}${wl}`}
            aria-current={mine ? 'page' : undefined}
            safe
          >
            {t('triage.mine')}
          </a>
        </nav>
        <form method="get" action="/triage" class="filters">
          <input type="hidden" name="status" value={req.query.status ?? 'open'} />
          {mine ? <input type="hidden" name="mine" value="1" /> : ''}
          <label for="f-watchlist" safe>
            {t('triage.watchlist')}
          </label>
          <select id="f-watchlist" name="watchlist">
            <option value="" safe>
              {t('triage.all_watchlists')}
            </option>
            {lists.map((w) => (
              <option value={String(w.id)} selected={w.id === watchlistId} safe>
                {w.name}
              </option>
            ))}
          </select>
          <button type="submit" safe>
            {t('triage.filter')}
          </button>
        </form>
        <p class="help" safe>
          {t('triage.keys')}
        </p>
        <form method="post" action="/triage" id="triage-form" data-triage="1">
          <input type="hidden" name="_csrf" value={p.csrf} />
          <input type="hidden" name="back" value={base} />
          <table class="triage">
            <TableHead
              t={t}
              keys={[
                'triage.select',
                'articles.published',
                'articles.title',
                'articles.source',
                'triage.status',
                'triage.assignee',
                'triage.tags',
              ]}
            />
            <tbody>
              {rows.slice(0, PAGE_SIZE).map((r) => (
                <tr data-id={String(r.id)}>
                  <td>
                    <input type="checkbox" name="ids" value={String(r.id)} aria-label={t('triage.select')} />
                  </td>
                  <td safe>{formatDateTime(r.published_at ?? '')}</td>
                  <td>
                    <a href={`/articles/${r.id}`} safe>
                      {r.title}
                    </a>
                    {on.has(r.id) ? (
                      <small class="watchlists" safe>
                        {` · ${(on.get(r.id) ?? []).join(', ')}`}
                      </small>
                    ) : (
                      ''
                    )}
                  </td>
                  <td safe>{`${r.source_name}${r.source_kind === 'foreign' ? ' 🌐' : ''}`}</td>
                  <td safe>{t(`triage.status.${r.status ?? 'new'}`)}</td>
                  <td safe>{r.assignee_name ?? ''}</td>
                  <td safe>{(JSON.parse(r.tags_json ?? '[]') as string[]).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <fieldset class="bulk">
            <label for="f-status" safe>
              {t('triage.status')}
            </label>
            <select id="f-status" name="status">
              <option value="" />
              {STATUSES.map((s) => (
                <option value={s} safe>
                  {t(`triage.status.${s}`)}
                </option>
              ))}
            </select>
            <label>
              <input type="checkbox" name="assign_me" value="1" /> <span safe>{t('triage.assign_me')}</span>
            </label>
            <label for="f-tags" safe>
              {t('triage.tags')}
            </label>
            <input id="f-tags" name="tags" maxlength="400" />
            <label for="f-notes" safe>
              {t('triage.notes')}
            </label>
            <input id="f-notes" name="notes" maxlength="5000" />
            <button type="submit" safe>
              {t('triage.apply')}
            </button>
          </fieldset>
        </form>
        <Pager ctx={p} page={page} hasNext={rows.length > PAGE_SIZE} base={base} />
      </Layout>,
    )
  })

  app.post('/triage', access, async (req, reply) => {
    const b = (req.body ?? {}) as Record<string, unknown>
    const ids = list(b.ids).map(Number)
    if (ids.length === 0)
      throw new AppError('VALIDATION_FAILED', 'no article selected', {
        fields: [{ field: 'ids', key: 'field.required' }],
      })
    const tags =
      typeof b.tags === 'string' && b.tags.trim()
        ? b.tags
            .split(',')
            .map((x) => x.trim())
            .filter(Boolean)
        : undefined
    const change = {
      ...(typeof b.status === 'string' && b.status ? { status: b.status } : {}),
      ...(b.assign_me === '1' ? { assigneeId: req.user?.id ?? null } : {}),
      ...(tags ? { tags } : {}),
      ...(typeof b.notes === 'string' && b.notes.trim() ? { notes: b.notes } : {}),
    }
    await updateTriage(ctx.store.db, ids, change, {
      userId: req.user?.id ?? null,
      actor: req.user?.email ?? '',
      ip: req.ip,
    })
    const back = typeof b.back === 'string' && b.back.startsWith('/triage') ? b.back : '/triage'
    return reply.redirect(`${back}${back.includes('?') ? '&' : '?'}ok=triage.updated`)
  })
}
