import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { AppError, isAppError } from '../shared/errors.js'
import type { AppContext } from './context.js'
import { pageCtx } from './page-context.js'
import { ErrorPage } from './views/error-page.js'

/** Fastify's own error codes mapped to ours, so every failure has one stable code. */
function toAppError(e: unknown): AppError {
  if (isAppError(e)) return e
  const fe = e as FastifyError
  if (fe.code?.startsWith('FST_CSRF')) return new AppError('CSRF_INVALID', fe.message, { cause: e })
  if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
    return new AppError('INPUT_INVALID', 'Request body too large', { cause: e })
  if (fe.statusCode === 429)
    return new AppError('RATE_LIMITED', 'Too many requests', { cause: e, details: { minutes: 1 } })
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500)
    return new AppError('INPUT_INVALID', fe.message, { cause: e })
  const code = (e as { code?: string }).code
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED')
    return new AppError('DB_LOCKED', 'Database locked', { cause: e })
  return new AppError('INTERNAL', (e as Error)?.message ?? 'unknown error', { cause: e })
}

export function handleError(ctx: AppContext) {
  return async (e: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const err = toAppError(e)
    const status = (e as FastifyError).statusCode === 413 ? 413 : err.status
    const logData = {
      error_code: err.code,
      status,
      method: request.method,
      url: request.url,
      user_id: request.user?.id ?? null,
    }
    if (status >= 500) ctx.log.error({ ...logData, err: e }, 'request failed')
    else ctx.log.info(logData, 'request refused')
    reply.status(status)
    if (err.code === 'RATE_LIMITED')
      reply.header('retry-after', String(60 * Number(err.details.minutes ?? 1)))
    const message = request.t(`error.${err.code}`, err.details as Record<string, string | number>)
    if (request.url.startsWith('/api/') || request.headers.accept?.includes('application/json')) {
      return reply.send({ error: { code: err.code, message, fields: err.fields } })
    }
    return reply.html(<ErrorPage ctx={pageCtx(request, reply)} status={status} message={message} />)
  }
}

export async function handleNotFound(request: FastifyRequest, reply: FastifyReply) {
  reply.status(404)
  const message = request.t('error.NOT_FOUND')
  if (request.url.startsWith('/api/')) return reply.send({ error: { code: 'NOT_FOUND', message } })
  return reply.html(<ErrorPage ctx={pageCtx(request, reply)} status={404} message={message} />)
}
