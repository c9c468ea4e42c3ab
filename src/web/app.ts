import { randomBytes } from 'node:crypto'
import fastifyCookie from '@fastify/cookie'
import fastifyCsrf from '@fastify/csrf-protection'
import fastifyFormbody from '@fastify/formbody'
import fastifyHelmet from '@fastify/helmet'
import fastifyRateLimit from '@fastify/rate-limit'
import { fastifyKitaHtml } from '@kitajs/fastify-html-plugin'
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify'
import type { SessionUser } from '../accounts/sessions.js'
import { getSetting, putSetting } from '../db/tables/settings.js'
import { type Access, enforceAccess } from './access.js'
import type { AppContext } from './context.js'
import { handleError, handleNotFound } from './errors.js'
import { type Locale, type Translate, translator } from './i18n/i18n.js'
import { registerRoutes } from './routes/index.js'
import { resolveRequestUser } from './session-cookie.js'

export interface RouteInfo {
  method: string
  url: string
  access: Access | undefined
}

declare module 'fastify' {
  interface FastifyInstance {
    routeList: RouteInfo[]
  }
  interface FastifyRequest {
    user: SessionUser | null
    locale: Locale
    t: Translate
  }
}

/** Form posts are small; anything larger is refused before parsing (HTTP 413). */
const BODY_LIMIT_BYTES = 256 * 1024

export async function buildApp(ctx: AppContext): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: ctx.log as FastifyBaseLogger,
    bodyLimit: BODY_LIMIT_BYTES,
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: false,
  })
  await app.register(fastifyCookie, { secret: await cookieSecret(ctx) })
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        fontSrc: ["'self'"],
        // Offices often serve the app over plain HTTP on their LAN: do not force https sub-requests.
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
  })
  await app.register(fastifyFormbody, { bodyLimit: BODY_LIMIT_BYTES })
  await app.register(fastifyKitaHtml)
  await app.register(fastifyRateLimit, { global: false })
  await app.register(fastifyCsrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: 'hd_csrf',
    cookieOpts: { signed: true, httpOnly: true, sameSite: 'lax', path: '/', secure: ctx.config.cookieSecure },
    getToken: (req) => {
      const body = req.body as Record<string, unknown> | undefined
      const fromBody = typeof body?._csrf === 'string' ? body._csrf : undefined
      const header = req.headers['x-csrf-token']
      return fromBody ?? (typeof header === 'string' ? header : undefined)
    },
  })

  // The route table with each route's declared access: for the permission tests and the API docs.
  const routeList: RouteInfo[] = []
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) {
      if (method !== 'HEAD')
        routeList.push({ method, url: r.url, access: (r.config as { access?: Access } | undefined)?.access })
    }
  })
  app.decorate('routeList', routeList)
  app.decorateRequest('user', null)
  app.decorateRequest('locale', 'vi')
  app.decorateRequest('t', () => '')
  app.addHook('onRequest', async (request) => {
    await resolveRequestUser(ctx, request)
    request.t = translator(request.locale)
  })
  // Access first, then CSRF: both need the parsed body/cookies, which preHandler has (onRequest does not).
  app.addHook('preHandler', enforceAccess)
  app.addHook('preHandler', async (request, reply) => {
    if (['GET', 'HEAD', 'OPTIONS'].includes(request.method) || request.routeOptions.url?.startsWith('/api/'))
      return
    await new Promise<void>((resolve, reject) => {
      app.csrfProtection(request, reply, (err?: Error) => (err ? reject(err) : resolve()))
    })
  })
  app.setErrorHandler(handleError(ctx))
  app.setNotFoundHandler(handleNotFound)
  await registerRoutes(app, ctx)
  return app
}

/** The cookie-signing secret lives in the database, so every web replica shares it across restarts. */
async function cookieSecret(ctx: AppContext): Promise<string> {
  const existing = await getSetting<string>(ctx.store.db, 'cookie_secret')
  if (existing) return existing
  await putSetting(ctx.store.db, 'cookie_secret', randomBytes(32).toString('base64url'))
  return (await getSetting<string>(ctx.store.db, 'cookie_secret')) as string
}
