import type { FastifyInstance } from 'fastify'
import type { AppContext } from '../context.js'

/** Source collections ("Báo chí trung ương", "Báo chí nước ngoài"…) and each source's page with its volume. */
export function registerSourceCollections(_app: FastifyInstance, _ctx: AppContext): void {}
