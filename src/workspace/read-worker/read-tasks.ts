import { threadId } from 'node:worker_threads'
import type { Db } from '../../db/database.js'
import { type ExploreOverview, exploreOverview } from '../explore/explore-data.js'

/**
 * The reads a worker thread may run on its own SQLite connection: long counts that would otherwise
 * hold the web server's only thread. Arguments and results are plain data (structured clone).
 */
export const readTasks = {
  /** An explorer query's facets and attention over time (every match counted, or a sample of them). */
  overview: (store: Db, a: { q: string; timeoutMs: number; exact?: boolean }): Promise<ExploreOverview> =>
    exploreOverview(store, a.q, a),
  /** The thread that runs tasks (tests, health). */
  threadId: async (_store: Db, _a: Record<string, never>): Promise<number> => threadId,
}

export type ReadTasks = typeof readTasks
export type ReadTaskName = keyof ReadTasks
export type ReadTaskArgs<K extends ReadTaskName> = Parameters<ReadTasks[K]>[1]
export type ReadTaskResult<K extends ReadTaskName> = Awaited<ReturnType<ReadTasks[K]>>
