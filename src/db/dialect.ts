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
