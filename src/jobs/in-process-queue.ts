import { randomBytes } from 'node:crypto'
import { setTimeout as sleep } from 'node:timers/promises'
import type { Kysely } from 'kysely'
import PQueue from 'p-queue'
import type { Database } from '../db/schema.js'
import {
  claimNextJob,
  failJob,
  finishJob,
  insertJob,
  type JobRow,
  releaseStaleJobs,
} from '../db/tables/jobs.js'
import type { Logger } from '../shared/logger.js'
import { type JobOptions, type JobQueue, retryDelayMs, type TaskList } from './job-queue.js'

/** How often an idle worker looks for due jobs (adds in this process wake it at once). */
const POLL_MS = 500

/**
 * Jobs in the `jobs` table, run by this process with p-queue. Survives restarts: on start, jobs left
 * `running` by a previous life of the process are made pending again and run.
 */
export class InProcessQueue implements JobQueue {
  readonly kind = 'in-process'
  readonly #db: Kysely<Database>
  readonly #log: Logger
  readonly #workerId = `w-${process.pid}-${randomBytes(3).toString('hex')}`
  #running = false
  #loop: Promise<void> | undefined
  #wake: (() => void) | undefined
  #pool: PQueue | undefined
  readonly #busyQueues = new Set<string>()

  constructor(db: Kysely<Database>, log: Logger) {
    this.#db = db
    this.#log = log
  }

  async add(task: string, payload: unknown, opts: JobOptions = {}): Promise<void> {
    const job = { task, payload, runAt: opts.runAt ?? new Date(), maxAttempts: opts.maxAttempts ?? 5 }
    await insertJob(this.#db, {
      ...job,
      ...(opts.jobKey ? { jobKey: opts.jobKey } : {}),
      ...(opts.queue ? { queue: opts.queue } : {}),
    })
    this.#wake?.()
  }

  async start(tasks: TaskList, opts: { concurrency: number }): Promise<void> {
    if (this.#running) return
    const released = await releaseStaleJobs(this.#db, new Date().toISOString())
    if (released > 0) this.#log.info({ jobs_released: released }, 'resuming jobs interrupted by a restart')
    this.#running = true
    this.#pool = new PQueue({ concurrency: Math.max(1, opts.concurrency) })
    this.#loop = this.#run(tasks, this.#pool)
  }

  async #run(tasks: TaskList, pool: PQueue): Promise<void> {
    while (this.#running) {
      if (pool.pending + pool.size >= pool.concurrency) {
        await pool.onSizeLessThan(1)
        await Promise.race([pool.onIdle(), sleep(50)])
        continue
      }
      const job = await claimNextJob(this.#db, this.#workerId, [...this.#busyQueues]).catch((e: unknown) => {
        this.#log.error({ err: e }, 'job claim failed')
        return undefined
      })
      if (!job) {
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, POLL_MS)
          this.#wake = () => {
            clearTimeout(t)
            resolve()
          }
        })
        this.#wake = undefined
        continue
      }
      if (job.queue) this.#busyQueues.add(job.queue)
      void pool.add(() => this.#execute(tasks, job))
    }
  }

  async #execute(tasks: TaskList, job: JobRow): Promise<void> {
    const log = this.#log.child({ job_id: job.id, task: job.task })
    try {
      const handler = tasks[job.task]
      if (!handler) throw new Error(`no handler for task "${job.task}"`)
      await handler(JSON.parse(job.payload_json), { jobId: String(job.id), attempt: job.attempts, log })
      await finishJob(this.#db, job.id)
    } catch (e) {
      const retry = job.attempts < job.max_attempts ? new Date(Date.now() + retryDelayMs(job.attempts)) : null
      log.warn({ err: e, attempt: job.attempts, will_retry: retry !== null }, 'job failed')
      await failJob(this.#db, job, (e as Error).message ?? String(e), retry).catch(() => {})
    } finally {
      if (job.queue) this.#busyQueues.delete(job.queue)
      this.#wake?.()
    }
  }

  async drain(opts: { timeoutMs?: number } = {}): Promise<void> {
    const deadline = Date.now() + (opts.timeoutMs ?? 60_000)
    while (Date.now() < deadline) {
      const due = await this.#db
        .selectFrom('jobs')
        .select('id')
        .where((eb) =>
          eb.or([
            eb('status', '=', 'running'),
            eb.and([eb('status', '=', 'pending'), eb('run_at', '<=', new Date().toISOString())]),
          ]),
        )
        .limit(1)
        .execute()
      if (due.length === 0 && (this.#pool?.pending ?? 0) === 0) return
      await sleep(20)
    }
    throw new Error('jobs did not finish in time')
  }

  async stop(): Promise<void> {
    this.#running = false
    this.#wake?.()
    await this.#loop
    await this.#pool?.onIdle()
  }
}
