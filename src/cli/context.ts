import type { Command } from 'commander'
import { loadConfig } from '../config/load-config.js'
import type { Config, OptionKey } from '../config/options.js'
import { createLogger, type Logger } from '../shared/logger.js'

/** `--db PATH` accepts a plain SQLite path as well as the URL forms of HAIDANG_DATABASE_URL. */
export const dbUrlFromFlag = (db: string) => (/^(sqlite:|postgres(ql)?:\/\/)/.test(db) ? db : `sqlite:${db}`)

/**
 * Config and logger for a command, from the global flags and the command's own overrides. CLI logs
 * go to stderr so stdout stays clean for the command's output (JSON lines, search results).
 */
export function commandContext(
  cmd: Command,
  overrides: Partial<Record<OptionKey, string>> = {},
): { config: Readonly<Config>; log: Logger } {
  const globals = cmd.optsWithGlobals<{ config?: string; db?: string }>()
  const all = { ...overrides, ...(globals.db ? { databaseUrl: dbUrlFromFlag(globals.db) } : {}) }
  const config = loadConfig({ ...(globals.config ? { file: globals.config } : {}), overrides: all })
  const log = createLogger({ level: config.logLevel, destination: process.stderr })
  return { config, log }
}
