import type { FastifyInstance } from 'fastify'
import { listNotifications, markRead } from '../../../monitor/store/notifications.js'
import { formatDateTime } from '../../../shared/time.js'
import type { AppContext } from '../../context.js'
import { pageCtx } from '../../page-context.js'
import { Pager } from '../../views/form.js'
import { Layout } from '../../views/layout.js'
import { auditChange, idParam } from './audit.js'
import { localLink } from './parts.js'

const PAGE_SIZE = 30
const access = { config: { access: 'workspace.view' as const } }

/** `/notifications`: the user's in-app notifications, newest first; mark one or all read. */
export function registerNotifications(app: FastifyInstance, ctx: AppContext) {
  const db = ctx.store.db
  app.get<{ Querystring: { page?: string } }>('/notifications', access, async (req, reply) => {
    const page = Math.max(1, Math.min(1000, Number.parseInt(req.query.page ?? '1', 10) || 1))
    const rows = await listNotifications(db, req.user!.id, {
      limit: PAGE_SIZE + 1,
      offset: (page - 1) * PAGE_SIZE,
    })
    const p = pageCtx(req, reply)
    const { t } = p
    const unread = rows.some((r) => r.read_at === null) || (p.unread ?? 0) > 0
    return reply.html(
      <Layout ctx={p} title={t('notifications.title')}>
        <h1 safe>{t('notifications.title')}</h1>
        {unread ? (
          <form method="post" action="/notifications/read-all" class="inline">
            <input type="hidden" name="_csrf" value={p.csrf} />
            <button type="submit" safe>
              {t('notifications.mark_all')}
            </button>
          </form>
        ) : (
          ''
        )}
        {rows.length === 0 ? <p safe>{t('notifications.none')}</p> : ''}
        <ul class="notifications">
          {rows.slice(0, PAGE_SIZE).map((n) => (
            <li
              class={n.read_at ? `note level-${n.level}` : `note unread level-${n.level}`}
              data-id={String(n.id)}
            >
              {n.read_at ? (
                ''
              ) : (
                <span class="tag unread-tag" safe>
                  {t('notifications.unread')}
                </span>
              )}{' '}
              <span class="tag" safe>
                {t(`alerts.level.${n.level}`)}
              </span>{' '}
              <a href={localLink(n.link)} safe>
                {n.title}
              </a>{' '}
              <small safe>{formatDateTime(n.created_at)}</small>
              <p safe>{n.body}</p>
              {n.read_at ? (
                ''
              ) : (
                <form method="post" action={`/notifications/${n.id}/read`} class="inline">
                  <input type="hidden" name="_csrf" value={p.csrf} />
                  <input type="hidden" name="page" value={String(page)} />
                  <button type="submit" class="link" safe>
                    {t('notifications.mark_read')}
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
        <Pager ctx={p} page={page} hasNext={rows.length > PAGE_SIZE} base="/notifications" />
      </Layout>,
    )
  })

  app.post<{ Params: { id: string } }>('/notifications/:id/read', access, async (req, reply) => {
    const id = idParam(req.params.id)
    if (id !== null) {
      await markRead(db, req.user!.id, new Date().toISOString(), id)
      await auditChange(ctx, req, { action: 'notification.read', entity: 'notification', entityId: id })
    }
    const page = Number((req.body as { page?: string } | undefined)?.page)
    const back = Number.isInteger(page) && page > 1 ? `/notifications?page=${page}&` : '/notifications?'
    return reply.redirect(`${back}ok=notifications.marked`)
  })

  app.post('/notifications/read-all', access, async (req, reply) => {
    await markRead(db, req.user!.id, new Date().toISOString())
    await auditChange(ctx, req, { action: 'notification.read_all', entity: 'notification' })
    return reply.redirect('/notifications?ok=notifications.marked_all')
  })
}
