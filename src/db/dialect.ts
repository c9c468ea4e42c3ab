import { type ColumnDefinitionBuilder, type CreateTableBuilder, type Kysely, sql } from 'kysely'

export type DialectName = 'sqlite' | 'postgres'

/** Adds an auto-increment integer primary key `id` in the dialect's own way. */
export function withId<T extends string>(table: CreateTableBuilder<T, never>, dialect: DialectName) {
  return dialect === 'sqlite'
    ? table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
}

/** A foreign key to `table.id` that deletes with its parent. */
export const refCascade = (table: string) => (c: ColumnDefinitionBuilder) =>
  c.references(`${table}.id`).onDelete('cascade')

/** Current time as the stored ISO string. */
export const nowIso = () => new Date().toISOString()

/** Case-insensitive equality that works on both dialects. */
export const lowerEq = (column: string, value: string) =>
  sql<boolean>`lower(${sql.ref(column)}) = ${value.toLowerCase()}`

export type AnyDb = Kysely<unknown>

/**
 * The Asia/Ho_Chi_Minh calendar day (`YYYY-MM-DD`) of an ISO timestamp column, computed in SQL.
 * Viet Nam has no daylight saving time, so a fixed +7 h is exact on both dialects.
 */
export function vnDaySql(dialect: DialectName, column: string) {
  return dialect === 'sqlite'
    ? sql<string>`strftime('%Y-%m-%d', ${sql.ref(column)}, '+7 hours')`
    : sql<string>`to_char((${sql.ref(column)})::timestamptz at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD')`
}
