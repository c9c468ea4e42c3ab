import type { Kysely, Selectable } from 'kysely'
import type { Database } from '../../db/schema.js'
import type { OutboxChannel, OutboxTable } from '../monitor-schema.js'

export type OutboxRow = Selectable<OutboxTable>

export interface NewOutboxEntry {
  channel: OutboxChannel
  target: string
  payload: unknown
  /** not before this instant (the end of quiet hours, the digest hour) */
  notBefore: Date
  alertId?: number | null
  dedupeKey?: string | null
}

/** Queues messages; an entry whose dedupe key is already queued is skipped. */
export async function enqueueOutbox(db: Kysely<Database>, entries: readonly NewOutboxEntry[], now: Date) {
  for (const e of entries) {
    await db
      .insertInto('outbox')
      .values({
        channel: e.channel,
        target: e.target,
        payload_json: JSON.stringify(e.payload),
        status: 'pending',
        attempts: 0,
        next_attempt_at: e.notBefore.toISOString(),
        last_error: null,
        created_at: now.toISOString(),
        sent_at: null,
        alert_id: e.alertId ?? null,
        dedupe_key: e.dedupeKey ?? null,
      })
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .execute()
  }
}

export const dueOutbox = (
  db: Kysely<Database>,
  now: Date,
  limit: number,
  channels: readonly OutboxChannel[],
) =>
  db
    .selectFrom('outbox')
    .selectAll()
    .where('status', '=', 'pending')
    .where('channel', 'in', [...channels])
    .where('next_attempt_at', '<=', now.toISOString())
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(limit)
    .execute()

/**
 * Takes an entry for one sender: moves its next attempt to `leaseUntil` only if nobody else moved it
 * first. A sender that dies mid-send leaves the entry to be retried when the lease runs out.
 */
export async function claimOutbox(db: Kysely<Database>, row: OutboxRow, leaseUntil: Date): Promise<boolean> {
  const r = await db
    .updateTable('outbox')
    .set({ next_attempt_at: leaseUntil.toISOString() })
    .where('id', '=', row.id)
    .where('status', '=', 'pending')
    .where('next_attempt_at', '=', row.next_attempt_at)
    .executeTakeFirst()
  return Number(r.numUpdatedRows) === 1
}

export const markOutboxSent = (db: Kysely<Database>, id: number, attempts: number, at: Date) =>
  db
    .updateTable('outbox')
    .set({ status: 'sent', attempts, sent_at: at.toISOString(), last_error: null })
    .where('id', '=', id)
    .execute()

/** Records a failed attempt: retried at `retryAt`, or given up (`failed`) when it is null. */
export const markOutboxFailedAttempt = (
  db: Kysely<Database>,
  id: number,
  attempts: number,
  error: string,
  retryAt: Date | null,
) =>
  db
    .updateTable('outbox')
    .set({
      attempts,
      last_error: error.slice(0, 1000),
      ...(retryAt ? { next_attempt_at: retryAt.toISOString() } : { status: 'failed' as const }),
    })
    .where('id', '=', id)
    .execute()

export const findOutbox = (db: Kysely<Database>, id: number) =>
  db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirst()

/** Deliveries that need a look: waiting (pending) or given up (failed), failed first, then by next attempt. */
export const outboxBacklog = (db: Kysely<Database>, opts: { limit: number; offset: number }) =>
  db
    .selectFrom('outbox')
    .select([
      'id',
      'channel',
      'target',
      'status',
      'attempts',
      'next_attempt_at',
      'last_error',
      'created_at',
      'alert_id',
    ])
    .where('status', 'in', ['pending', 'failed'])
    .orderBy('status')
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(opts.limit)
    .offset(opts.offset)
    .execute()

/**
 * Puts a failed entry back in the queue for the next delivery pass. Its attempts stay counted, so a
 * manual retry is one more attempt: if it fails again the entry is failed again, not retried for a day.
 */
export async function retryOutboxNow(db: Kysely<Database>, id: number, now: Date): Promise<boolean> {
  const r = await db
    .updateTable('outbox')
    .set({ status: 'pending', next_attempt_at: now.toISOString() })
    .where('id', '=', id)
    .where('status', '=', 'failed')
    .executeTakeFirst()
  return Number(r.numUpdatedRows) === 1
}
