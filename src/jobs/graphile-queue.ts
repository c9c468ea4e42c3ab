import { setTimeout as sleep } from 'node:timers/promises'
import {
  type Runner,
  type WorkerUtils,
  Logger as GraphileLogger,
  makeWorkerUtils,
  run,
} from 'graphile-worker'
import type pg from 'pg'
import type { Logger } from '../shared/logger.js'
import type { JobOptions, JobQueue, TaskList } from './job-queue.js'

/** graphile-worker's log lines, routed into our pino logger at one level lower (it is chatty). */
function bridgeLogger(log: Logger) {
  return new GraphileLogger(() => (level, message, meta) => {
    const data = { worker_meta: meta ?? {} }
    if (level === 'error') log.error(data, message)
    else if (level === 'warning') log.warn(data, message)
    else log.debug(data, message)
  })
}

/**
 * Jobs on PostgreSQL through graphile-worker: LISTEN/NOTIFY for prompt pick-up, `SKIP LOCKED` claims so
 * any number of `haidang worker` processes on any number of machines share the work, each job once.
 */
export class GraphileQueue implements JobQueue {
  readonly kind = 'graphile'
  readonly #pool: pg.Pool
  readonly #log: Logger
  readonly #schema: string
  #utils: Promise<WorkerUtils> | undefined
  #runner: Runner | undefined

  constructor(pool: pg.Pool, log: Logger, opts: { schema?: string } = {}) {
    this.#pool = pool
    this.#log = log
    this.#schema = opts.schema ?? 'graphile_worker'
  }

  #workerUtils(): Promise<WorkerUtils> {
    this.#utils ??= makeWorkerUtils({
      pgPool: this.#pool,
      schema: this.#schema,
      logger: bridgeLogger(this.#log),
    }).then(async (u) => {
      await u.migrate()
      return u
    })
    return this.#utils
  }

  async add(task: string, payload: unknown, opts: JobOptions = {}): Promise<void> {
    const utils = await this.#workerUtils()
    await utils.addJob(task, (payload ?? {}) as object, {
      ...(opts.runAt ? { runAt: opts.runAt } : {}),
      ...(opts.jobKey ? { jobKey: opts.jobKey, jobKeyMode: 'preserve_run_at' as const } : {}),
      ...(opts.queue ? { queueName: opts.queue } : {}),
      maxAttempts: opts.maxAttempts ?? 5,
    })
  }

  async start(tasks: TaskList, opts: { concurrency: number }): Promise<void> {
    await this.#workerUtils()
    const taskList = Object.fromEntries(
      Object.entries(tasks).map(([name, handler]) => [
        name,
        async (payload: unknown, helpers: { job: { id: string; attempts: number } }) => {
          const log = this.#log.child({ job_id: helpers.job.id, task: name })
          await handler(payload, { jobId: helpers.job.id, attempt: helpers.job.attempts, log })
        },
      ]),
    )
    this.#runner = await run(
      {
        pgPool: this.#pool,
        schema: this.#schema,
        concurrency: Math.max(1, opts.concurrency),
        noHandleSignals: true,
        pollInterval: 1000,
        logger: bridgeLogger(this.#log),
      },
      taskList,
      [],
    )
  }

  async drain(opts: { timeoutMs?: number } = {}): Promise<void> {
    const deadline = Date.now() + (opts.timeoutMs ?? 60_000)
    while (Date.now() < deadline) {
      const r = await this.#pool.query(
        `select count(*)::int as n from "${this.#schema}"._private_jobs
         where locked_at is not null or (run_at <= now() and attempts < max_attempts)`,
      )
      if (r.rows[0]?.n === 0) return
      await sleep(50)
    }
    throw new Error('jobs did not finish in time')
  }

  async stop(): Promise<void> {
    await this.#runner?.stop()
    this.#runner = undefined
    if (this.#utils) await (await this.#utils).release()
    this.#utils = undefined
  }
}
