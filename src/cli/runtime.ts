import { resolve } from 'node:path'
import type { Config } from '../config/options.js'
import { type Db, openDatabase } from '../db/database.js'
import { migrateToLatest } from '../db/migrate.js'
import { createQueue } from '../jobs/create-queue.js'
import type { JobQueue } from '../jobs/job-queue.js'
import { Scheduler } from '../jobs/scheduler.js'
import { buildTasks, SCHEDULE } from '../jobs/tasks.js'
import { setupDefaultWatchlists } from '../monitor/setup-watchlists.js'
import type { Logger } from '../shared/logger.js'

export interface Runtime {
  config: Readonly<Config>
  store: Db
  queue: JobQueue
  log: Logger
  /** Starts job workers and the scheduler in this process (`config` adjusts what the tasks see). */
  startWorkers(concurrency: number, config?: Readonly<Config>): Promise<void>
  close(): Promise<void>
}

/** Opens the store, brings its schema up to date and prepares the job queue. */
export async function openRuntime(config: Readonly<Config>, log: Logger): Promise<Runtime> {
  const store = await openDatabase({ url: config.databaseUrl, dataDir: resolve(config.dataDir) })
  const applied = await migrateToLatest(store.db, store.dialect, store.schema)
  if (applied.length > 0) log.info({ migrations: applied }, 'database migrated')
  const queue = createQueue(store, log)
  let scheduler: Scheduler | undefined
  let closeTasks: (() => Promise<void>) | undefined
  return {
    config,
    store,
    queue,
    log,
    async startWorkers(concurrency, taskConfig = config) {
      const built = buildTasks({ config: taskConfig, store, log, queue })
      closeTasks = built.close
      await queue.start(built.tasks, { concurrency })
      await setupDefaultWatchlists(store.db).catch((e: unknown) =>
        log.warn({ err: e }, 'default watchlists not created'),
      )
      scheduler = new Scheduler(store.db, queue, log)
      scheduler.start(SCHEDULE)
    },
    async close() {
      scheduler?.stop()
      await queue.stop()
      await closeTasks?.()
      await store.close()
    },
  }
}
