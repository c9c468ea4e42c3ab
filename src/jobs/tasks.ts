import { createAnalyzer, type Analyzer } from '../analyze/analyzer.js'
import { analysisTasks } from '../analyze/tasks.js'
import { USER_TOPIC_SCHEDULE, userTopicTasks } from '../analyze/user-topics/index.js'
import { loadNewsClassifier } from '../analyze/topics/news-classifier.js'
import type { Config } from '../config/options.js'
import type { Db } from '../db/database.js'
import { deleteExpiredSessions } from '../db/tables/sessions.js'
import { createIngestContext } from '../ingest/ingest-context.js'
import { ingestTasks } from '../ingest/tasks.js'
import { createMonitorDelivery, MONITOR_SCHEDULE, monitorTasks } from '../monitor/tasks.js'
import { searchAdapter } from '../monitor/search-adapter.js'
import { indexArticle } from '../search/index-article.js'
import type { Logger } from '../shared/logger.js'
import type { JobQueue, TaskList } from './job-queue.js'
import type { ScheduleEntry } from './scheduler.js'

export interface TaskDeps {
  config: Readonly<Config>
  store: Db
  log: Logger
  queue: JobQueue
}

/** Old login failures and schedule slots are kept this long for inspection, then removed. */
const KEEP_DAYS = 30

/**
 * Every background task by name: the composition root of background work. Domains add theirs here;
 * handlers are idempotent. Returns the tasks and a `close` for what they hold open (HTTP pools).
 * Each stored article queues its analysis, so coverage is analyzed minutes after it is published.
 */
export function buildTasks(deps: TaskDeps): { tasks: TaskList; close: () => Promise<void> } {
  const ingest = createIngestContext(deps.config, deps.store.db, deps.log)
  ingest.onArticle = (articleId) =>
    deps.queue.add('analyze.article', { articleId }, { jobKey: `analyze:${articleId}` })
  let analyzer: Promise<Analyzer> | undefined
  const getAnalyzer = () => {
    analyzer ??= createAnalyzer({ db: deps.store.db, news: loadNewsClassifier })
    return analyzer
  }
  const delivery = createMonitorDelivery({ smtpUrl: deps.config.smtpUrl, mailFrom: deps.config.mailFrom })
  const tasks: TaskList = {
    ...ingestTasks(ingest, deps.queue),
    ...userTopicTasks(deps.store.db, deps.log),
    ...monitorTasks({
      db: deps.store.db,
      search: searchAdapter(deps.store, deps.config.queryTimeoutMs),
      log: deps.log,
      publicUrl: deps.config.publicUrl,
      mailer: delivery.mailer,
      webhooks: delivery.webhooks,
    }),
    ...analysisTasks(deps.store.db, deps.log, getAnalyzer, async (id) => {
      await indexArticle(deps.store, id)
    }),
    'maintenance.cleanup': async (_payload, { log }) => {
      const now = new Date().toISOString()
      const old = new Date(Date.now() - KEEP_DAYS * 86_400_000).toISOString()
      await deleteExpiredSessions(deps.store.db, now)
      await deps.store.db.deleteFrom('login_attempts').where('at', '<', old).execute()
      await deps.store.db.deleteFrom('schedule_slots').where('created_at', '<', old).execute()
      log.info({}, 'maintenance done')
    },
  }
  return {
    tasks,
    close: async () => {
      await ingest.fetcher.close()
      await delivery.close()
    },
  }
}

/** Recurring work, in Asia/Ho_Chi_Minh wall-clock time. */
export const SCHEDULE: ScheduleEntry[] = [
  { name: 'maintenance', pattern: '30 3 * * *', task: 'maintenance.cleanup' },
  { name: 'ingest-poll', pattern: '*/2 * * * *', task: 'ingest.poll' },
  { name: 'analyze-pending', pattern: '*/10 * * * *', task: 'analyze.pending' },
  ...MONITOR_SCHEDULE,
  ...USER_TOPIC_SCHEDULE,
]
