import type { FastifyInstance } from 'fastify'
import type { AppContext } from '../../context.js'

/** The early-warning pages: watchlists, alert rules, notifications, webhooks. */
export function registerMonitorPages(_app: FastifyInstance, _ctx: AppContext): void {}
