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
