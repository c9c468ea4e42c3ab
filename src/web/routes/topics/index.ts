import type { FastifyInstance } from 'fastify'
import type { AppContext } from '../../context.js'

/** The user-trained topic pages: topics, labelling, suggestions, model quality. */
export function registerTopicPages(_app: FastifyInstance, _ctx: AppContext): void {}
