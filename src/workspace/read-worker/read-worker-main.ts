/**
 * A worker thread's side of `read-worker.ts`: opens its own connection to the SQLite file and runs
 * the tasks it is sent, one at a time, answering each with its result or its error as plain data.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { openDatabase } from '../../db/database.js'
import { isAppError } from '../../shared/errors.js'
import { type ReadTaskName, readTasks } from './read-tasks.js'

export interface TaskMessage {
  id: number
  task: ReadTaskName
  args: unknown
}

export type ReplyMessage =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: { code?: string; message: string; details?: Record<string, unknown> } }

const data = workerData as { file: string; dataDir: string }
const store = await openDatabase({ url: `sqlite:${data.file}`, dataDir: data.dataDir })
const port = parentPort!

port.on('message', async (m: TaskMessage) => {
  try {
    const run = readTasks[m.task] as (s: typeof store, a: unknown) => Promise<unknown>
    const value = await run(store, m.args)
    port.postMessage({ id: m.id, ok: true, value } satisfies ReplyMessage)
  } catch (e) {
    const error = isAppError(e)
      ? { code: e.code, message: e.message, details: e.details }
      : { message: e instanceof Error ? e.message : String(e) }
    port.postMessage({ id: m.id, ok: false, error } satisfies ReplyMessage)
  }
})
