import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import { AppError, type ErrorCode } from '../../shared/errors.js'
import type { JobMessage } from './work-thread.js'
import { type TaskInput, type TaskKind, type TaskOutput, WORK_TASKS, type WireError } from './work-tasks.js'

/** Longest a job may run before its worker is stopped and replaced (a pathological page or feed). */
export const DEFAULT_JOB_TIMEOUT_MS = 60_000
/** An idle worker stops after this long: its ~80 MB are only held while big inputs keep coming. */
const IDLE_STOP_MS = 3_000
/** Heap of one worker: a hostile page fails its own job instead of taking the process down. */
const WORKER_HEAP_MB = 384

export interface WorkPool {
  /** Runs a task on a worker thread (inline when the pool has no workers). */
  run<K extends TaskKind>(kind: K, input: TaskInput<K>, opts?: { timeoutMs?: number }): Promise<TaskOutput<K>>
  /** Stops the workers; later jobs start new ones. */
  close(): Promise<void>
  readonly size: number
}

interface Job {
  msg: JobMessage
  timeoutMs: number
  resolve(v: unknown): void
  reject(e: unknown): void
}

interface Slot {
  worker: Worker | null
  job: Job | null
  timer: NodeJS.Timeout | null
  idle: NodeJS.Timeout | null
}

/**
 * The worker is started through tsx's loader (the product has no build step), then serves jobs.
 * An eval'd CommonJS script, so it works however the main thread was started.
 */
const BOOT = `
const { workerData } = require('node:worker_threads')
import(workerData.tsx).then(async (tsx) => {
  tsx.register()
  const m = await import(workerData.entry)
  m.serveJobs()
})
`
const ENTRY = new URL('./work-thread.ts', import.meta.url).href
/** tsx as this module resolves it (the worker's own resolution would start from the working directory) */
const TSX_API = import.meta.resolve('tsx/esm/api')

function fromWire(e: WireError): Error {
  if (e.code) return new AppError(e.code as ErrorCode, e.message, { details: e.details ?? {} })
  const err = new Error(e.message)
  err.name = e.name
  return err
}

/**
 * A small pool of worker threads for the rare big inputs (a feed of 100k items, a page of 10,000
 * nested elements, a multi-megabyte page), so a long parse never blocks the event loop: the server
 * keeps answering and other articles keep being stored. Ordinary pages are extracted inline (about
 * 5 ms each; a worker costs ~80 MB of memory and its messages cost CPU). A worker stops when idle for
 * a few seconds; a job past its deadline stops its worker (a new one starts for the next job).
 */
export function createWorkPool(size = defaultPoolSize()): WorkPool {
  const slots: Slot[] = Array.from({ length: size }, () => ({
    worker: null,
    job: null,
    timer: null,
    idle: null,
  }))
  const queue: Job[] = []
  let nextId = 1

  function spawn(slot: Slot): Worker {
    const w = new Worker(BOOT, {
      eval: true,
      workerData: { entry: ENTRY, tsx: TSX_API },
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: 4 },
    })
    w.unref()
    w.on('message', (m: { ready?: true; id?: number; ok?: boolean; value?: unknown; error?: WireError }) => {
      if (m.ready || slot.job?.msg.id !== m.id) return
      const job = finish(slot)
      if (m.ok) job?.resolve(m.value)
      else job?.reject(fromWire(m.error!))
      pump()
    })
    const died = (e: unknown) => {
      if (slot.worker !== w) return
      slot.worker = null
      const job = finish(slot)
      job?.reject(new AppError('INTERNAL', `worker stopped: ${e instanceof Error ? e.message : String(e)}`))
      pump()
    }
    w.on('error', died)
    w.on('exit', (code) => died(new Error(`exit code ${code}`)))
    return w
  }

  function finish(slot: Slot): Job | null {
    const job = slot.job
    if (slot.timer) clearTimeout(slot.timer)
    slot.job = null
    slot.timer = null
    return job
  }

  function pump(): void {
    for (const slot of slots) {
      if (slot.job) continue
      if (queue.length === 0) {
        if (slot.worker && !slot.idle) slot.idle = setTimeout(() => stopIdle(slot), IDLE_STOP_MS)
        continue
      }
      if (slot.idle) clearTimeout(slot.idle)
      slot.idle = null
      const job = queue.shift()!
      slot.worker ??= spawn(slot)
      slot.job = job
      // the (ref'd) deadline also keeps the process alive while an unref'd worker works
      slot.timer = setTimeout(() => {
        const w = slot.worker
        slot.worker = null
        finish(slot)?.reject(
          new AppError('PARSE_FAILED', `${job.msg.kind} took longer than ${job.timeoutMs / 1000} s`, {
            details: { reason: 'timeout' },
          }),
        )
        void w?.terminate()
        pump()
      }, job.timeoutMs)
      slot.worker.postMessage(job.msg)
    }
  }

  function stopIdle(slot: Slot): void {
    slot.idle = null
    const w = slot.worker
    if (slot.job || !w) return
    slot.worker = null
    void w.terminate()
  }

  return {
    size,
    run(kind, input, opts = {}) {
      if (size === 0) {
        const run = WORK_TASKS[kind] as (i: typeof input) => TaskOutput<typeof kind>
        return new Promise((resolve) => resolve(run(input)))
      }
      return new Promise((resolve, reject) => {
        const msg = { id: nextId++, kind, input }
        queue.push({
          msg,
          timeoutMs: opts.timeoutMs ?? DEFAULT_JOB_TIMEOUT_MS,
          resolve: resolve as Job['resolve'],
          reject,
        })
        pump()
      })
    },
    async close() {
      const ws = slots.map((s) => s.worker)
      for (const s of slots) {
        if (s.idle) clearTimeout(s.idle)
        s.idle = null
        s.worker = null
        finish(s)?.reject(new AppError('INTERNAL', 'work pool closed'))
      }
      for (const j of queue.splice(0)) j.reject(new AppError('INTERNAL', 'work pool closed'))
      await Promise.all(ws.map((w) => w?.terminate()))
    },
  }
}

/** One worker per core, at most two. */
export function defaultPoolSize(): number {
  return Math.min(2, availableParallelism())
}

let shared: WorkPool | null = null

/** The process's pool, created on first use; its workers start with the first job. */
export function sharedWorkPool(): WorkPool {
  shared ??= createWorkPool()
  return shared
}
