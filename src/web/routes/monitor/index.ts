import type { FastifyInstance } from 'fastify'
import type { AppContext } from '../../context.js'
import { registerAlertRules } from './alert-rules.js'
import { registerNotifications } from './notifications.js'
import { registerUnreadBadge } from './unread-badge.js'
import { registerWatchlistView } from './watchlist-view.js'
import { registerWatchlistsList } from './watchlists-list.js'
import { registerWebhooks } from './webhooks.js'

/** The early-warning pages: watchlists, alert rules, notifications, webhooks. */
export function registerMonitorPages(app: FastifyInstance, ctx: AppContext): void {
  registerUnreadBadge(app, ctx)
  registerWatchlistsList(app, ctx)
  registerWatchlistView(app, ctx)
  registerAlertRules(app, ctx)
  registerNotifications(app, ctx)
  registerWebhooks(app, ctx)
}
