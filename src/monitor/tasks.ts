import type { Kysely } from 'kysely'
import type { ScheduleEntry } from '../jobs/scheduler.js'
import type { TaskList } from '../jobs/job-queue.js'
import type { Database } from '../db/schema.js'
import type { Logger } from '../shared/logger.js'
import { deliverOutbox } from './deliver/deliver-outbox.js'
import { createMailer, type Mailer } from './deliver/mailer.js'
import { createWebhookClient, type WebhookClient } from './deliver/send-webhook.js'
import { evaluateRules } from './evaluate-rules.js'
import { recordWatchlistMatches } from './record-matches.js'
import type { MonitorSearch } from './monitor-context.js'

export interface MonitorDeps {
  db: Kysely<Database>
  search: MonitorSearch
  log: Logger
  publicUrl: string
  mailer: Mailer | null
  webhooks: WebhookClient
  /** first Viet Nam day with coverage, when known (earlier days are not counted as quiet) */
  firstDay?: string
}

/**
 * The monitoring jobs. Both are idempotent (alerts and digests are unique by key, outbox entries
 * are claimed before sending), so a repeated or overlapping run does no harm.
 */
export function monitorTasks(deps: MonitorDeps): TaskList {
  const ctx = {
    db: deps.db,
    search: deps.search,
    log: deps.log,
    publicUrl: deps.publicUrl,
    ...(deps.firstDay ? { firstDay: deps.firstDay } : {}),
  }
  return {
    'monitor.evaluate': async (_payload, { log }) => {
      const matched = await recordWatchlistMatches({ ...ctx, log }, new Date())
      if (matched.failed > 0) log.warn({ ...matched }, 'some watchlists could not be matched')
      const summary = await evaluateRules({ ...ctx, log }, new Date())
      if (summary.failed > 0) log.warn({ ...summary }, 'some alert rules failed')
    },
    'monitor.deliver': async (_payload, { log }) => {
      const summary = await deliverOutbox(
        { db: deps.db, mailer: deps.mailer, webhooks: deps.webhooks, log },
        new Date(),
      )
      if (summary.sent + summary.retrying + summary.failed > 0) log.info({ ...summary }, 'outbox delivered')
    },
  }
}

/** The mailer (none without an SMTP URL) and webhook client the tasks hold; `close` on shutdown. */
export function createMonitorDelivery(opts: {
  smtpUrl: string
  mailFrom: string
  allowPrivate?: readonly string[]
}) {
  const mailer = opts.smtpUrl ? createMailer(opts.smtpUrl, opts.mailFrom) : null
  const webhooks = createWebhookClient(opts.allowPrivate ? { allowPrivate: opts.allowPrivate } : {})
  return {
    mailer,
    webhooks,
    close: async () => {
      mailer?.close()
      await webhooks.close()
    },
  }
}

/** Recurring monitoring work in Asia/Ho_Chi_Minh time (the 07:00 digest is built by the evaluate pass). */
export const MONITOR_SCHEDULE: ScheduleEntry[] = [
  { name: 'monitor-evaluate', pattern: '*/10 * * * *', task: 'monitor.evaluate' },
  { name: 'monitor-deliver', pattern: '* * * * *', task: 'monitor.deliver' },
]
