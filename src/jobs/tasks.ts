import type { Db } from '../db/database.js'
import { deleteExpiredSessions } from '../db/tables/sessions.js'
import type { Logger } from '../shared/logger.js'
import type { TaskList } from './job-queue.js'
import type { ScheduleEntry } from './scheduler.js'

export interface TaskDeps {
  store: Db
  log: Logger
}

/** Old login failures and schedule slots are kept this long for inspection, then removed. */
const KEEP_DAYS = 30

/** Every background task by name. Domains add theirs here; handlers are idempotent. */
export function buildTasks(deps: TaskDeps): TaskList {
  return {
    'maintenance.cleanup': async (_payload, { log }) => {
      const now = new Date().toISOString()
      const old = new Date(Date.now() - KEEP_DAYS * 86_400_000).toISOString()
      await deleteExpiredSessions(deps.store.db, now)
      await deps.store.db.deleteFrom('login_attempts').where('at', '<', old).execute()
      await deps.store.db.deleteFrom('schedule_slots').where('created_at', '<', old).execute()
      log.info({}, 'maintenance done')
    },
  }
}

/** Recurring work, in Asia/Ho_Chi_Minh wall-clock time. */
export const SCHEDULE: ScheduleEntry[] = [
  { name: 'maintenance', pattern: '30 3 * * *', task: 'maintenance.cleanup' },
]
