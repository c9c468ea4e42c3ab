import { type Kysely, sql } from 'kysely'
import type { DialectName } from '../dialect.js'

/**
 * Indexed articles per Viet Nam day (`search_docs.day`), kept by triggers, so "attention over time"
 * reads a thousand totals instead of counting a million index rows per chart. SQLite: row triggers.
 * PostgreSQL: statement triggers over transition tables (one upsert per batch, not per row).
 */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('search_day_totals')
    .addColumn('day', 'text', (c) => c.primaryKey())
    .addColumn('n', 'integer', (c) => c.notNull())
    .execute()
  if (dialect === 'sqlite') {
    const bump = (day: string, by: string) =>
      `insert into search_day_totals (day, n) values (${day}, ${by}) on conflict (day) do update set n = n + ${by};`
    await sql
      .raw(
        `create trigger search_day_totals_insert after insert on search_docs begin ${bump('new.day', '1')} end`,
      )
      .execute(db)
    await sql
      .raw(
        `create trigger search_day_totals_delete after delete on search_docs begin ${bump('old.day', '-1')} end`,
      )
      .execute(db)
    await sql
      .raw(`create trigger search_day_totals_update after update of day on search_docs
        when old.day is not new.day begin ${bump('old.day', '-1')} ${bump('new.day', '1')} end`)
      .execute(db)
  } else {
    // each branch names only the transition tables its event has (plpgsql plans a statement when run)
    await sql`create function search_day_totals_apply() returns trigger language plpgsql as $$
      begin
        if tg_op = 'INSERT' then
          insert into search_day_totals (day, n) select day, count(*) from new_rows group by day
            on conflict (day) do update set n = search_day_totals.n + excluded.n;
        elsif tg_op = 'DELETE' then
          insert into search_day_totals (day, n) select day, -count(*) from old_rows group by day
            on conflict (day) do update set n = search_day_totals.n + excluded.n;
        else
          insert into search_day_totals (day, n)
            select day, sum(c) from (select day, count(*) as c from new_rows group by day
              union all select day, -count(*) from old_rows group by day) x
            group by day having sum(c) <> 0
            on conflict (day) do update set n = search_day_totals.n + excluded.n;
        end if;
        return null;
      end $$`.execute(db)
    await sql`create trigger search_day_totals_insert after insert on search_docs
      referencing new table as new_rows for each statement execute function search_day_totals_apply()`.execute(
      db,
    )
    await sql`create trigger search_day_totals_delete after delete on search_docs
      referencing old table as old_rows for each statement execute function search_day_totals_apply()`.execute(
      db,
    )
    await sql`create trigger search_day_totals_update after update on search_docs
      referencing old table as old_rows new table as new_rows for each statement
      execute function search_day_totals_apply()`.execute(db)
  }
  await sql`insert into search_day_totals (day, n) select day, count(*) from search_docs group by day`.execute(
    db,
  )
}
