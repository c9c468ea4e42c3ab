import { decodeBytes } from '../parse/charset.js'
import { parseFeed } from '../parse/parse-feed.js'
import { prepareArticle } from '../prepare-article.js'

/**
 * The CPU-heavy ingest steps that run on worker threads: plain data in, plain data out (structured
 * clone), no database, no network, no clock beyond what the input carries.
 */
export const WORK_TASKS = {
  /** decode, extract, sanitize, normalize and fingerprint one fetched page */
  prepareArticle,
  /** decode and parse a feed document (up to 100k items: seconds of parsing, off the event loop) */
  parseFeed: (input: { bytes: Uint8Array; charset: string | null; url: string }) =>
    parseFeed(decodeBytes(input.bytes, { charset: input.charset }).text, { url: input.url }),
}

export type WorkTasks = typeof WORK_TASKS
export type TaskKind = keyof WorkTasks
export type TaskInput<K extends TaskKind> = Parameters<WorkTasks[K]>[0]
export type TaskOutput<K extends TaskKind> = ReturnType<WorkTasks[K]>

/** An error as it crosses the thread boundary (AppError codes and details survive). */
export interface WireError {
  name: string
  message: string
  code?: string
  details?: Record<string, unknown>
}
