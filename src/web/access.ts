import type { FastifyReply, FastifyRequest } from 'fastify'
import { can, type Permission } from '../accounts/permissions.js'
import { AppError } from '../shared/errors.js'

/**
 * Every route declares who may use it in `config.access`: `public`, `authenticated`, or a permission
 * from the matrix. A route without a declaration is refused (fail closed), so no page is ever open
 * by omission.
 */
export type Access = 'public' | 'authenticated' | Permission

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access
  }
}

export async function enforceAccess(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const access = request.routeOptions.config.access
  if (access === 'public') return
  if (!request.routeOptions.url) return // 404s are handled by the not-found handler
  if (access === undefined)
    throw new AppError('FORBIDDEN', `route ${request.routeOptions.url} declares no access`)
  if (!request.user) {
    if (request.method === 'GET' && !request.url.startsWith('/api/')) {
      return reply.redirect(`/login?next=${encodeURIComponent(request.url)}`)
    }
    throw new AppError('UNAUTHENTICATED', 'Sign-in required')
  }
  if (access !== 'authenticated' && !can(request.user.role, access)) {
    throw new AppError('FORBIDDEN', `role ${request.user.role} lacks ${access}`)
  }
}
