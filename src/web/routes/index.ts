import type { FastifyInstance } from 'fastify'
import type { AppContext } from '../context.js'
import { registerArticleView } from './article-view.js'
import { registerArticlesList } from './articles-list.js'
import { registerAssets } from './assets.js'
import { registerAudit } from './audit-list.js'
import { registerHealth } from './health.js'
import { registerDashboard } from './dashboard.js'
import { registerExplore } from './explore.js'
import { registerLang } from './lang.js'
import { registerLogin } from './login.js'
import { registerMonitorPages } from './monitor/index.js'
import { registerProfile } from './profile.js'
import { registerSavedSearches } from './saved-searches.js'
import { registerSetup } from './setup.js'
import { registerSourceCollections } from './source-collections.js'
import { registerSourcesList } from './sources-list.js'
import { registerSourcesNew } from './sources-new.js'
import { registerSourcesOpml } from './sources-opml.js'
import { registerSourcesStarter } from './sources-starter.js'
import { registerStoryView } from './story-view.js'
import { registerTopicPages } from './topics/index.js'
import { registerTriage } from './triage.js'
import { registerUsers } from './users.js'

/** Every route of the web app. Each file registers one page or resource and declares its access. */
export async function registerRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  registerHealth(app, ctx)
  registerAssets(app)
  registerLang(app)
  registerSetup(app, ctx)
  registerLogin(app, ctx)
  registerDashboard(app, ctx)
  registerUsers(app, ctx)
  registerAudit(app, ctx)
  registerProfile(app, ctx)
  registerSourcesList(app, ctx)
  registerSourcesNew(app, ctx)
  registerSourcesStarter(app, ctx)
  registerSourcesOpml(app, ctx)
  registerArticlesList(app, ctx)
  registerArticleView(app, ctx)
  registerExplore(app, ctx)
  registerSavedSearches(app, ctx)
  registerStoryView(app, ctx)
  registerTriage(app, ctx)
  registerMonitorPages(app, ctx)
  registerTopicPages(app, ctx)
  registerSourceCollections(app, ctx)
}
