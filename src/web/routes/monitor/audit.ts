import type { FastifyRequest } from 'fastify'
import { recordAudit } from '../../../db/tables/audit-log.js'
import type { AppContext } from '../../context.js'
import { actorOf } from '../../request-input.js'

/** Records a change made on a monitor page, by the signed-in user, with their address. */
export const auditChange = (
  ctx: AppContext,
  req: FastifyRequest,
  e: { action: string; entity: string; entityId?: number | string | null; before?: unknown; after?: unknown },
) => recordAudit(ctx.store.db, { ...actorOf(req), ...e })

/** A positive integer route parameter, or null (the caller answers 404). */
export const idParam = (v: string) => (/^\d{1,12}$/.test(v) ? Number(v) : null)
