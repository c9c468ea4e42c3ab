import type { FastifyInstance } from 'fastify'
import { isLocale } from '../i18n/i18n.js'
import { setLangCookie } from '../session-cookie.js'

/** Only same-site paths are followed after switching language (no open redirect). */
export const safeNext = (next: unknown) =>
  typeof next === 'string' && /^\/(?![/\\])/.test(next) ? next : '/'

export function registerLang(app: FastifyInstance) {
  app.get<{ Params: { locale: string }; Querystring: { next?: string } }>(
    '/lang/:locale',
    { config: { access: 'public' } },
    async (req, reply) => {
      if (isLocale(req.params.locale)) {
        setLangCookie(reply, req.params.locale)
      }
      return reply.redirect(safeNext(req.query.next))
    },
  )
}
