import type { FastifyRequest } from 'fastify'
import type { Actor } from '../accounts/create-user.js'

/** A form or query value as text: anything else (missing, repeated, a number) reads as ''. */
export const str = (v: unknown): string => (typeof v === 'string' ? v : '')

/** Who made a change, for the audit log: the signed-in user and their address. */
export const actorOf = (req: FastifyRequest): Actor => ({
  userId: req.user?.id ?? null,
  actor: req.user?.email ?? 'unknown',
  ip: req.ip,
})
