import { pino, type Logger, type LoggerOptions } from 'pino'

export type { Logger }

/** Structured JSON logs with snake_case keys. Created once in the entry point and passed down. */
export function createLogger(
  opts: { level?: string; name?: string; destination?: NodeJS.WritableStream } = {},
) {
  const options: LoggerOptions = {
    level: opts.level ?? 'info',
    base: { app: 'haidang', ...(opts.name ? { component: opts.name } : {}) },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  }
  return opts.destination ? pino(options, opts.destination as pino.DestinationStream) : pino(options)
}

/** A logger that drops everything: for tests and library callers that pass none. */
export const silentLogger = (): Logger => pino({ level: 'silent' })
