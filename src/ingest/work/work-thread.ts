import { parentPort } from 'node:worker_threads'
import { isAppError } from '../../shared/errors.js'
import { type TaskKind, WORK_TASKS, type WireError } from './work-tasks.js'

/** A job as the pool posts it. */
export interface JobMessage {
  id: number
  kind: TaskKind
  input: unknown
}

function toWire(e: unknown): WireError {
  if (isAppError(e)) return { name: e.name, message: e.message, code: e.code, details: e.details }
  return e instanceof Error ? { name: e.name, message: e.message } : { name: 'Error', message: String(e) }
}

/** The worker side: run each job and post its result back, one at a time. */
export function serveJobs(): void {
  const port = parentPort
  if (!port) throw new Error('serveJobs runs on a worker thread')
  port.on('message', (job: JobMessage) => {
    try {
      const run = WORK_TASKS[job.kind] as (input: unknown) => unknown
      port.postMessage({ id: job.id, ok: true, value: run(job.input) })
    } catch (e) {
      port.postMessage({ id: job.id, ok: false, error: toWire(e) })
    }
  })
  port.postMessage({ ready: true })
}
