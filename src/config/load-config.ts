import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { z } from 'zod'
import { AppError } from '../shared/errors.js'
import { type Config, OPTIONS, type OptionKey } from './options.js'

/**
 * Precedence, lowest first: defaults < config file (JSON, keys as in the option table or as env names)
 * < environment < explicit overrides (CLI flags). Every problem is collected, then reported at once.
 */
export function loadConfig(
  opts: { env?: NodeJS.ProcessEnv; file?: string; overrides?: Partial<Record<OptionKey, string>> } = {},
): Readonly<Config> {
  const env = opts.env ?? process.env
  const problems: string[] = []
  const fromFile = readConfigFile(opts.file ?? env.HAIDANG_CONFIG_FILE, problems)
  const known = new Set<string>(Object.values(OPTIONS).map((o) => o.env))
  for (const name of Object.keys(env)) {
    if (name.startsWith('HAIDANG_') && !known.has(name) && !IGNORED_ENV.has(name)) {
      problems.push(`${name}: unknown option (see docs/configuration.md)`)
    }
  }
  const out: Record<string, unknown> = {}
  for (const [key, opt] of Object.entries(OPTIONS) as [OptionKey, (typeof OPTIONS)[OptionKey]][]) {
    const raw = opts.overrides?.[key] ?? env[opt.env] ?? fromFile[key] ?? fromFile[opt.env] ?? opt.default
    const parsed = (opt.schema as z.ZodType).safeParse(String(raw))
    if (parsed.success) out[key] = parsed.data
    else
      problems.push(
        `${opt.env}=${JSON.stringify(raw)}: ${parsed.error.issues.map((i) => i.message).join('; ')}`,
      )
  }
  if (problems.length > 0) {
    throw new AppError('CONFIG_INVALID', `Invalid configuration:\n  - ${problems.join('\n  - ')}`, {
      details: { problems },
    })
  }
  return Object.freeze(out as Config)
}

/** Variables read by tests and tools rather than the product. */
const IGNORED_ENV = new Set([
  'HAIDANG_CONFIG_FILE',
  'HAIDANG_TEST_DATABASE_URL',
  'HAIDANG_SHARED_DATA',
  'HAIDANG_TEST_CONCURRENCY',
])

function readConfigFile(file: string | undefined, problems: string[]): Record<string, unknown> {
  if (!file) return {}
  try {
    const json: unknown = JSON.parse(readFileSync(resolve(file), 'utf8'))
    const parsed = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).safeParse(json)
    if (!parsed.success) {
      problems.push(`${file}: must be a JSON object of option names to values`)
      return {}
    }
    const keys = new Set<string>([...Object.keys(OPTIONS), ...Object.values(OPTIONS).map((o) => o.env)])
    for (const k of Object.keys(parsed.data))
      if (!keys.has(k)) problems.push(`${file}: unknown option "${k}"`)
    return parsed.data
  } catch (e) {
    problems.push(`${file}: cannot read config file (${(e as Error).message})`)
    return {}
  }
}

/** The option table as Markdown, for docs/configuration.md. */
export function configDocs(): string {
  const rows = Object.values(OPTIONS).map((o) => `| \`${o.env}\` | \`${o.default}\` | ${o.doc} |`)
  return ['| variable | default | meaning |', '|---|---|---|', ...rows].join('\n')
}
