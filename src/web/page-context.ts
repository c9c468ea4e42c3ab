import type { FastifyReply, FastifyRequest } from 'fastify'
import type { SessionUser } from '../accounts/sessions.js'
import type { Locale, Translate } from './i18n/i18n.js'

/** What a page view needs to render the shell: language, user, CSRF token, where it is. */
export interface PageCtx {
  t: Translate
  locale: Locale
  user: SessionUser | null
  csrf: string
  path: string
  flash: string | null
  /** unread notifications for the nav badge (counted by the monitor pages' hook), null when not counted */
  unread: number | null
}

/** Flash messages travel as a catalogue key in `?ok=`; only known keys render, so it cannot inject text. */
const FLASH_KEY = /^[a-z_]+\.[a-z_]+$/

export function pageCtx(request: FastifyRequest, reply: FastifyReply): PageCtx {
  const ok = (request.query as Record<string, unknown> | undefined)?.ok
  const flash = typeof ok === 'string' && FLASH_KEY.test(ok) && request.t(ok) !== ok ? request.t(ok) : null
  return {
    t: request.t,
    locale: request.locale,
    user: request.user,
    csrf: reply.generateCsrf(),
    path: request.url,
    flash,
    unread: request.unreadNotifications ?? null,
  }
}
