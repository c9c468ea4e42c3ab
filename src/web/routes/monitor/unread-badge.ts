import type { FastifyInstance } from 'fastify'
import { can } from '../../../accounts/permissions.js'
import { countUnread } from '../../../monitor/store/notifications.js'
import type { AppContext } from '../../context.js'

declare module 'fastify' {
  interface FastifyRequest {
    /** unread in-app notifications of the signed-in user, for the nav badge; null when not counted */
    unreadNotifications: number | null
  }
}

/**
 * Counts the user's unread notifications (one query on the `(user_id, read_at)` index) before each
 * page a signed-in user opens, so the layout can show the badge beside "Thông báo". Only GET pages
 * under a route: not assets, the JSON API, exports or feeds.
 */
export function registerUnreadBadge(app: FastifyInstance, ctx: AppContext) {
  app.decorateRequest('unreadNotifications', null)
  app.addHook('preHandler', async (req) => {
    const url = req.routeOptions.url
    if (req.method !== 'GET' || !req.user || !url || !can(req.user.role, 'workspace.view')) return
    if (/^\/(assets|api|feeds)\/|\/export\.|\/raw$|^\/health/.test(url)) return
    req.unreadNotifications = await countUnread(ctx.store.db, req.user.id)
  })
}
