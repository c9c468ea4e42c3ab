import type { Kysely, Selectable } from 'kysely'
import { nowIso } from '../dialect.js'
import type { AuditLogTable, Database } from '../schema.js'

export type AuditRow = Selectable<AuditLogTable>

export interface AuditEntry {
  userId: number | null
  /** Who, as shown to people: the user's e-mail, `system`, `cli`, `setup`. */
  actor: string
  /** `<entity>.<verb>`, e.g. `user.create`, `user.set_role`, `session.login` */
  action: string
  entity: string
  entityId?: string | number | null
  before?: unknown
  after?: unknown
  ip?: string | null
}

/** Appends one audit record. Call it inside the same transaction as the change it describes. */
export async function recordAudit(db: Kysely<Database>, e: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: nowIso(),
      user_id: e.userId,
      actor: e.actor,
      action: e.action,
      entity: e.entity,
      entity_id: e.entityId == null ? null : String(e.entityId),
      before_json: e.before === undefined ? null : JSON.stringify(e.before),
      after_json: e.after === undefined ? null : JSON.stringify(e.after),
      ip: e.ip ?? null,
    })
    .execute()
}

export const listAudit = (
  db: Kysely<Database>,
  opts: { limit: number; offset: number; entity?: string | undefined },
) => {
  let q = db.selectFrom('audit_log').selectAll()
  if (opts.entity) q = q.where('entity', '=', opts.entity)
  return q.orderBy('id', 'desc').limit(opts.limit).offset(opts.offset).execute()
}
