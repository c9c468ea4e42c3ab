import { Worker } from 'node:worker_threads'
import { dirname } from 'node:path'
import type { Db } from '../../db/database.js'
import { AppError, type ErrorCode } from '../../shared/errors.js'
import type { Logger } from '../../shared/logger.js'
import { type ReadTaskArgs, type ReadTaskName, type ReadTaskResult, readTasks } from './read-tasks.js'
import type { ReplyMessage, TaskMessage } from './read-worker-main.js'

export interface ReadRunner {
  run<K extends ReadTaskName>(task: K, args: ReadTaskArgs<K>): Promise<ReadTaskResult<K>>
  /** stops the worker thread (app shutdown) */
  close(): Promise<void>
}

interface Pending {
  resolve: (v: unknown) => void
  reject: (e: Error) => void
}

/**
 * Runs long reads (`read-tasks.ts`) beside the web server's thread. better-sqlite3 answers on the
 * calling thread, so one count of half a million matches would hold every other request for a
 * second; on a SQLite file the tasks run in a worker thread with its own connection (WAL: it reads
 * while the server writes) and the server's thread stays free. PostgreSQL runs queries in its own
 * processes and an in-memory SQLite cannot be shared, so there the task runs in place.
 */
export function createReadRunner(store: Db, log: Logger): ReadRunner {
  if (!store.sqlite || store.location === ':memory:')
    return {
      run: (task, args) => (readTasks[task] as (s: Db, a: typeof args) => Promise<never>)(store, args),
      close: async () => {},
    }
  let worker: { w: Worker; pending: Map<number, Pending> } | null = null
  let nextId = 1

  function start() {
    const pending = new Map<number, Pending>()
    const failAll = (e: Error) => {
      for (const p of pending.values()) p.reject(e)
      pending.clear()
    }
    const w = new Worker(new URL('./worker-boot.mjs', import.meta.url), {
      workerData: {
        entry: new URL('./read-worker-main.ts', import.meta.url).href,
        file: store.location,
        dataDir: dirname(store.location),
      },
    })
    w.on('message', (m: ReplyMessage) => {
      const p = pending.get(m.id)
      if (!p) return
      pending.delete(m.id)
      if (pending.size === 0) w.unref()
      if (m.ok) p.resolve(m.value)
      else
        p.reject(
          m.error.code
            ? new AppError(m.error.code as ErrorCode, m.error.message, { details: m.error.details ?? {} })
            : new Error(m.error.message),
        )
    })
    w.on('error', (e) => {
      log.error({ err: e }, 'read worker failed')
      if (worker?.w === w) worker = null
      failAll(e)
    })
    w.on('exit', (code) => {
      if (worker?.w === w) worker = null
      failAll(new Error(`read worker stopped (exit code ${code})`))
    })
    return { w, pending }
  }

  return {
    run(task, args) {
      worker ??= start()
      const { w, pending } = worker
      const id = nextId++
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject })
        // a task under way keeps the process alive; an idle worker never does
        w.ref()
        w.postMessage({ id, task, args } satisfies TaskMessage)
      })
    },
    async close() {
      const current = worker
      worker = null
      if (current) await current.w.terminate()
    },
  }
}
