import { type Kysely, type Selectable, sql } from 'kysely'
import { nowIso } from '../dialect.js'
import type { Database, JobsTable } from '../schema.js'

export type JobRow = Selectable<JobsTable>

export async function insertJob(
  db: Kysely<Database>,
  j: { task: string; payload: unknown; runAt: Date; jobKey?: string; queue?: string; maxAttempts: number },
): Promise<void> {
  const now = nowIso()
  await db
    .insertInto('jobs')
    .values({
      task: j.task,
      payload_json: JSON.stringify(j.payload ?? null),
      status: 'pending',
      queue: j.queue ?? null,
      job_key: j.jobKey ?? null,
      attempts: 0,
      max_attempts: j.maxAttempts,
      run_at: j.runAt.toISOString(),
      locked_at: null,
      locked_by: null,
      last_error: null,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.column('job_key').doNothing())
    .execute()
}

/**
 * Atomically takes the next due job, skipping queues that are busy. The conditional UPDATE makes the
 * claim safe even if two processes share the file: only one sees `status = 'pending'` change.
 */
export async function claimNextJob(
  db: Kysely<Database>,
  workerId: string,
  busyQueues: string[],
): Promise<JobRow | undefined> {
  const now = nowIso()
  let q = db.selectFrom('jobs').select('id').where('status', '=', 'pending').where('run_at', '<=', now)
  if (busyQueues.length > 0)
    q = q.where((eb) => eb.or([eb('queue', 'is', null), eb('queue', 'not in', busyQueues)]))
  const candidates = await q.orderBy('run_at').orderBy('id').limit(5).execute()
  for (const c of candidates) {
    const row = await db
      .updateTable('jobs')
      .set({
        status: 'running',
        locked_at: now,
        locked_by: workerId,
        attempts: sql`attempts + 1`,
        updated_at: now,
      })
      .where('id', '=', c.id)
      .where('status', '=', 'pending')
      .returningAll()
      .executeTakeFirst()
    if (row) return row
  }
  return undefined
}

export async function finishJob(db: Kysely<Database>, id: number) {
  // Done jobs are deleted so their job_key can be used again; the audit of work lives elsewhere.
  await db.deleteFrom('jobs').where('id', '=', id).execute()
}

export async function failJob(db: Kysely<Database>, row: JobRow, error: string, retryAt: Date | null) {
  await db
    .updateTable('jobs')
    .set({
      status: retryAt ? 'pending' : 'failed',
      run_at: retryAt ? retryAt.toISOString() : row.run_at,
      locked_at: null,
      locked_by: null,
      last_error: error.slice(0, 2000),
      // A failed job releases its key so the same work can be queued again.
      job_key: retryAt ? row.job_key : null,
      updated_at: nowIso(),
    })
    .where('id', '=', row.id)
    .execute()
}

/** After a crash or restart, jobs left running by this queue's previous life are made pending again. */
export async function releaseStaleJobs(db: Kysely<Database>, lockedBefore: string): Promise<number> {
  const r = await db
    .updateTable('jobs')
    .set({ status: 'pending', locked_at: null, locked_by: null, updated_at: nowIso() })
    .where('status', '=', 'running')
    .where('locked_at', '<', lockedBefore)
    .executeTakeFirst()
  return Number(r.numUpdatedRows)
}

export async function countOpenJobs(db: Kysely<Database>): Promise<number> {
  const r = await db
    .selectFrom('jobs')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('status', 'in', ['pending', 'running'])
    .executeTakeFirst()
  return Number(r?.n ?? 0)
}
