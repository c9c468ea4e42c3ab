import type { Logger } from '../shared/logger.js'

export interface JobOptions {
  /** Not before this instant. */
  runAt?: Date
  /** At most one pending job with this key; adding again while it is pending changes nothing. */
  jobKey?: string
  /** Jobs sharing a queue name run one at a time (e.g. `host:example.vn` for polite fetching). */
  queue?: string
  maxAttempts?: number
}

export interface JobContext {
  jobId: string
  attempt: number
  log: Logger
}

export type TaskHandler = (payload: unknown, ctx: JobContext) => Promise<void>
export type TaskList = Record<string, TaskHandler>

/**
 * One interface over the two job backends: the in-process queue on the `jobs` table (embedded SQLite)
 * and graphile-worker (PostgreSQL, any number of worker processes). Handlers must be idempotent:
 * a job may run again after a crash.
 */
export interface JobQueue {
  readonly kind: 'in-process' | 'graphile'
  add(task: string, payload: unknown, opts?: JobOptions): Promise<void>
  /** Starts taking jobs with the given handlers until `stop()`. */
  start(tasks: TaskList, opts: { concurrency: number }): Promise<void>
  /** Resolves when no job is pending or running (tests, CLI `--once`). */
  drain(opts?: { timeoutMs?: number }): Promise<void>
  stop(): Promise<void>
}

/** Retry delay after the n-th failed attempt: 2 s, 8 s, 32 s… capped at one hour. */
export const retryDelayMs = (attempt: number) => Math.min(3_600_000, 2_000 * 4 ** Math.max(0, attempt - 1))
