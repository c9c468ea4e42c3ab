import type { Kysely } from 'kysely'
import { z } from 'zod'
import type { Database } from '../../db/schema.js'
import type { Logger } from '../../shared/logger.js'
import type { OutboxChannel } from '../monitor-schema.js'
import {
  claimOutbox,
  dueOutbox,
  markOutboxFailedAttempt,
  markOutboxSent,
  type OutboxRow,
} from '../store/outbox.js'
import { findWebhook } from '../store/webhooks.js'
import type { Mailer } from './mailer.js'
import { sendWebhook, type WebhookClient } from './send-webhook.js'

export const OUTBOX_POLICY = {
  /** entries sent per pass; the next pass (a minute later) takes the rest */
  batch: 50,
  /** a claimed entry is retried after this if its sender died mid-send (longer than any send timeout) */
  leaseMs: 5 * 60_000,
  /** first retry after a minute, then ×4: 1, 4, 16, 64 min, 4 h 16, then every 6 h */
  firstRetryMs: 60_000,
  backoffFactor: 4,
  maxRetryMs: 6 * 3_600_000,
  /** about a day of trying before an entry is marked failed */
  maxAttempts: 8,
} as const

/** Delay before the attempt after the `attempts`-th failure. */
export const retryDelay = (attempts: number) =>
  Math.min(
    OUTBOX_POLICY.maxRetryMs,
    OUTBOX_POLICY.firstRetryMs * OUTBOX_POLICY.backoffFactor ** Math.max(0, attempts - 1),
  )

export interface DeliveryContext {
  db: Kysely<Database>
  /** null when no SMTP server is configured: e-mail stays queued until one is */
  mailer: Mailer | null
  webhooks: WebhookClient
  log: Logger
}

export interface DeliverySummary {
  sent: number
  retrying: number
  failed: number
}

const EmailPayload = z.object({ subject: z.string(), text: z.string(), html: z.string() })

/**
 * Sends the due outbox entries. Each is claimed first (so two workers never send one twice), then
 * marked sent, or its error recorded and a retry scheduled with backoff; after `maxAttempts` it is
 * marked failed. One bad entry never stops the others.
 */
export async function deliverOutbox(ctx: DeliveryContext, now: Date): Promise<DeliverySummary> {
  const channels: OutboxChannel[] = ctx.mailer ? ['email', 'webhook'] : ['webhook']
  const due = await dueOutbox(ctx.db, now, OUTBOX_POLICY.batch, channels)
  const summary: DeliverySummary = { sent: 0, retrying: 0, failed: 0 }
  for (const row of due) {
    if (!(await claimOutbox(ctx.db, row, new Date(now.getTime() + OUTBOX_POLICY.leaseMs)))) continue
    const attempts = row.attempts + 1
    try {
      await sendOne(ctx, row)
      await markOutboxSent(ctx.db, row.id, attempts, new Date())
      summary.sent++
    } catch (err) {
      const message = (err as Error).message || String(err)
      const retryAt =
        attempts >= OUTBOX_POLICY.maxAttempts ? null : new Date(now.getTime() + retryDelay(attempts))
      await markOutboxFailedAttempt(ctx.db, row.id, attempts, message, retryAt)
      if (retryAt) summary.retrying++
      else summary.failed++
      ctx.log.warn({ outbox_id: row.id, channel: row.channel, attempts, err: message }, 'delivery failed')
    }
  }
  return summary
}

async function sendOne(ctx: DeliveryContext, row: OutboxRow): Promise<void> {
  const payload: unknown = JSON.parse(row.payload_json)
  if (row.channel === 'email') {
    await ctx.mailer!.send(row.target, EmailPayload.parse(payload))
    return
  }
  const hook = await findWebhook(ctx.db, Number(row.target))
  if (!hook || hook.enabled !== 1) throw new Error(`webhook ${row.target} is missing or disabled`)
  await sendWebhook(hook.url, hook.secret, payload, ctx.webhooks, { deliveryId: String(row.id) })
}
