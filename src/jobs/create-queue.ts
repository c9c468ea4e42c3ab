import type { Db } from '../db/database.js'
import type { Logger } from '../shared/logger.js'
import { GraphileQueue } from './graphile-queue.js'
import { InProcessQueue } from './in-process-queue.js'
import type { JobQueue } from './job-queue.js'

/** The queue that fits the store: graphile-worker on PostgreSQL, the in-process queue on SQLite. */
export function createQueue(store: Db, log: Logger, opts: { graphileSchema?: string } = {}): JobQueue {
  const jobLog = log.child({ component: 'jobs' })
  if (store.dialect === 'postgres' && store.pool)
    return new GraphileQueue(store.pool, jobLog, {
      ...(opts.graphileSchema ? { schema: opts.graphileSchema } : {}),
    })
  return new InProcessQueue(store.db, jobLog)
}
