import type { Config } from '../config/options.js'
import type { Db } from '../db/database.js'
import type { JobQueue } from '../jobs/job-queue.js'
import type { Logger } from '../shared/logger.js'

/** What every route gets: built once in the entry point and passed in, never imported as a singleton. */
export interface AppContext {
  config: Readonly<Config>
  store: Db
  log: Logger
  queue?: JobQueue
  /** Loads the demo press corpus (wired by the entry point; absent in tests that do not need it). */
  loadDemo?: () => Promise<void>
}
