import type { FastifyReply, FastifyRequest } from 'fastify'
import { resolveSession } from '../accounts/sessions.js'
import type { AppContext } from './context.js'
import { isLocale } from './i18n/i18n.js'

export const SESSION_COOKIE = 'hd_session'
export const LANG_COOKIE = 'hd_lang'

/**
 * Reads the session cookie into `request.user` and picks the UI language: the language switch's
 * cookie > the user's profile > the configured default. Sign-in sets the cookie from the profile.
 */
export async function resolveRequestUser(ctx: AppContext, request: FastifyRequest): Promise<void> {
  const token = request.cookies[SESSION_COOKIE]
  request.user = token ? await resolveSession(ctx.store.db, token, ctx.config.sessionDays) : null
  const cookieLang = request.cookies[LANG_COOKIE]
  if (isLocale(cookieLang)) request.locale = cookieLang
  else if (request.user && isLocale(request.user.locale)) request.locale = request.user.locale
  else request.locale = ctx.config.defaultLocale
}

export function setSessionCookie(ctx: AppContext, reply: FastifyReply, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: ctx.config.cookieSecure,
    maxAge: ctx.config.sessionDays * 86_400,
  })
}

export const clearSessionCookie = (reply: FastifyReply) => reply.clearCookie(SESSION_COOKIE, { path: '/' })

export const setLangCookie = (reply: FastifyReply, locale: string) =>
  reply.setCookie(LANG_COOKIE, locale, { path: '/', sameSite: 'lax', maxAge: 365 * 86_400 })
