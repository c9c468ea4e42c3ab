import type { FastifyInstance } from 'fastify'
import type { AppContext } from '../../context.js'
import { registerArticleTopicLabel } from './article-topic-panel.js'
import { registerTopicLabelling } from './topic-labelling.js'
import { registerTopicPage } from './topic-page.js'
import { registerTopicsList } from './topics-list.js'

/** The user-trained topic pages: topics, labelling, suggestions, model quality. */
export function registerTopicPages(app: FastifyInstance, ctx: AppContext): void {
  registerTopicsList(app, ctx)
  registerTopicPage(app, ctx)
  registerTopicLabelling(app, ctx)
  registerArticleTopicLabel(app, ctx)
}
