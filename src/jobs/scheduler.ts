import { Cron } from 'croner'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.js'
import { TIME_ZONE } from '../shared/time.js'
import type { Logger } from '../shared/logger.js'
import type { JobQueue } from './job-queue.js'

export interface ScheduleEntry {
  name: string
  /** cron pattern in Asia/Ho_Chi_Minh wall-clock time, e.g. `0 7 * * *` = 07:00 every day */
  pattern: string
  task: string
  payload?: unknown
}

/**
 * Turns schedule entries into jobs. Every process may run a scheduler; each fired slot is claimed
 * through the `schedule_slots` table, so a slot becomes exactly one job however many processes run.
 */
export class Scheduler {
  readonly #crons: Cron[] = []
  constructor(
    private readonly db: Kysely<Database>,
    private readonly queue: JobQueue,
    private readonly log: Logger,
  ) {}

  start(entries: ScheduleEntry[]): void {
    for (const e of entries) {
      const cron = new Cron(
        e.pattern,
        { timezone: TIME_ZONE, protect: true, name: e.name },
        async (self: Cron) => {
          const slot = (self.currentRun() ?? new Date()).toISOString().slice(0, 16)
          await this.fire(e, slot).catch((err: unknown) =>
            this.log.error({ err, schedule: e.name }, 'schedule failed'),
          )
        },
      )
      this.#crons.push(cron)
    }
  }

  /** Enqueues the entry's job unless another process already took this slot. Returns whether it did. */
  async fire(e: ScheduleEntry, slot: string): Promise<boolean> {
    const key = `${e.name}@${slot}`
    const r = await this.db
      .insertInto('schedule_slots')
      .values({ key, created_at: new Date().toISOString() })
      .onConflict((oc) => oc.column('key').doNothing())
      .executeTakeFirst()
    if (Number(r.numInsertedOrUpdatedRows ?? 0) === 0) return false
    await this.queue.add(e.task, e.payload ?? {}, { jobKey: key })
    this.log.info({ schedule: e.name, slot }, 'scheduled job queued')
    return true
  }

  nextRuns(): { name: string; next: Date | null }[] {
    return this.#crons.map((c) => ({ name: c.name ?? '', next: c.nextRun() }))
  }

  stop(): void {
    for (const c of this.#crons) c.stop()
  }
}
