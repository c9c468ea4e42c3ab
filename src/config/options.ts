import { z } from 'zod'

/**
 * The one option table. Each option: its env var (HAIDANG_<KEY>), a zod schema that parses the raw
 * string, a default and a line of documentation. `docs/configuration.md` is generated from this table
 * (`haidang config --docs`), so the table is the single source of truth.
 */
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => ['true', '1', 'yes'].includes(v))
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max)

export const OPTIONS = {
  host: {
    env: 'HAIDANG_HOST',
    schema: z.string().min(1),
    default: '127.0.0.1',
    doc: 'Address the web server binds to.',
  },
  port: {
    env: 'HAIDANG_PORT',
    schema: int(0, 65535),
    default: '3000',
    doc: 'TCP port of the web server (0 = any free port).',
  },
  dataDir: {
    env: 'HAIDANG_DATA_DIR',
    schema: z.string().min(1),
    default: './var',
    doc: 'Directory for the SQLite file, archives and backups.',
  },
  databaseUrl: {
    env: 'HAIDANG_DATABASE_URL',
    schema: z
      .string()
      .regex(/^($|sqlite:|postgres(ql)?:\/\/)/, 'must be empty or start with sqlite: or postgres://'),
    default: '',
    doc: 'Empty = embedded SQLite at <dataDir>/haidang.sqlite; `sqlite:/path/file.sqlite` or `postgres://user@host:5432/db`.',
  },
  publicUrl: {
    env: 'HAIDANG_PUBLIC_URL',
    schema: z.url(),
    default: 'http://127.0.0.1:3000',
    doc: 'Base URL used in links, feeds and e-mails.',
  },
  logLevel: {
    env: 'HAIDANG_LOG_LEVEL',
    schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
    default: 'info',
    doc: 'Log level (pino).',
  },
  defaultLocale: {
    env: 'HAIDANG_DEFAULT_LOCALE',
    schema: z.enum(['vi', 'en']),
    default: 'vi',
    doc: 'UI language for visitors who chose none.',
  },
  sessionDays: {
    env: 'HAIDANG_SESSION_DAYS',
    schema: int(1, 365),
    default: '14',
    doc: 'Days a login session stays valid without use.',
  },
  cookieSecure: {
    env: 'HAIDANG_COOKIE_SECURE',
    schema: bool,
    default: 'false',
    doc: 'Mark cookies Secure (set true behind HTTPS).',
  },
  loginMaxAttempts: {
    env: 'HAIDANG_LOGIN_MAX_ATTEMPTS',
    schema: int(1, 1000),
    default: '10',
    doc: 'Failed logins per account and per address within the window before login is refused (HTTP 429).',
  },
  loginWindowMinutes: {
    env: 'HAIDANG_LOGIN_WINDOW_MINUTES',
    schema: int(1, 1440),
    default: '15',
    doc: 'Window for counting failed logins.',
  },
  workers: {
    env: 'HAIDANG_WORKERS',
    schema: int(0, 64),
    default: '2',
    doc: 'Job concurrency in this process (0 = web only).',
  },
  runJobsInWeb: {
    env: 'HAIDANG_RUN_JOBS_IN_WEB',
    schema: bool,
    default: 'true',
    doc: 'Run job workers and the scheduler inside `serve` (embedded mode). Set false when `haidang worker` runs elsewhere.',
  },
  fetchAllowPrivate: {
    env: 'HAIDANG_FETCH_ALLOW_PRIVATE',
    schema: z.string(),
    default: '',
    doc: 'Comma-separated host:port or CIDR the fetcher may reach despite the SSRF guard. For tests and the demo only.',
  },
  fetchMinDelayMs: {
    env: 'HAIDANG_FETCH_MIN_DELAY_MS',
    schema: int(0, 600_000),
    default: '1000',
    doc: 'Least time between two requests to one site (robots.txt Crawl-delay may ask for more).',
  },
  fetchPerHost: {
    env: 'HAIDANG_FETCH_PER_HOST',
    schema: int(1, 16),
    default: '1',
    doc: 'Parallel requests to one site.',
  },
  fetchTimeoutMs: {
    env: 'HAIDANG_FETCH_TIMEOUT_MS',
    schema: int(1000, 600_000),
    default: '30000',
    doc: 'Deadline of one fetch, redirects and body included.',
  },
  fetchMaxBytes: {
    env: 'HAIDANG_FETCH_MAX_BYTES',
    schema: int(10_000, 1_000_000_000),
    default: '10000000',
    doc: 'Largest response body accepted (after decompression).',
  },
  demoPort: {
    env: 'HAIDANG_DEMO_PORT',
    schema: int(1, 65535),
    default: '3999',
    doc: 'Loopback port of the demo press site (fixed, so demo sources stay valid across restarts).',
  },
  queryTimeoutMs: {
    env: 'HAIDANG_QUERY_TIMEOUT_MS',
    schema: int(100, 600_000),
    default: '5000',
    doc: 'Time limit of one search query.',
  },
  smtpUrl: {
    env: 'HAIDANG_SMTP_URL',
    schema: z.string(),
    default: '',
    doc: 'SMTP server for alert e-mails, e.g. smtp://user:pass@host:587. Empty = no e-mail.',
  },
  mailFrom: {
    env: 'HAIDANG_MAIL_FROM',
    schema: z.string(),
    default: 'Hải Đăng <haidang@localhost>',
    doc: 'Sender of e-mails.',
  },
} as const

export type OptionKey = keyof typeof OPTIONS
export type Config = { [K in OptionKey]: z.output<(typeof OPTIONS)[K]['schema']> }
