import type { FastifyInstance } from 'fastify'
import { ping } from '../../db/database.js'
import type { AppContext } from '../context.js'

/** Liveness: the process answers. Readiness: the store answers too. */
export function registerHealth(app: FastifyInstance, ctx: AppContext) {
  app.get('/healthz', { config: { access: 'public' } }, async () => ({ status: 'ok' }))
  app.get('/readyz', { config: { access: 'public' } }, async (_req, reply) => {
    try {
      await ping(ctx.store)
      return { status: 'ready', database: ctx.store.dialect }
    } catch (e) {
      ctx.log.warn({ err: e, error_code: 'DB_UNREACHABLE' }, 'readiness check failed')
      return reply.status(503).send({ status: 'unavailable', database: ctx.store.dialect })
    }
  })
}
