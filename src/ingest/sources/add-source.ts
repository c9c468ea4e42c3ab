import type { Kysely } from 'kysely'
import { z } from 'zod'
import type { Actor } from '../../accounts/create-user.js'
import { parseInput } from '../../accounts/validate.js'
import type { Database } from '../../db/schema.js'
import { recordAudit } from '../../db/tables/audit-log.js'
import { type FeedRow, upsertFeed } from '../../db/tables/feeds.js'
import { type SourceRow, upsertSource } from '../../db/tables/sources.js'

const httpUrl = z
  .string({ error: 'field.required' })
  .trim()
  .min(1, 'field.required')
  .max(2000, 'field.too_long')
  .refine((v) => {
    try {
      return ['http:', 'https:'].includes(new URL(v).protocol)
    } catch {
      return false
    }
  }, 'field.url')

export const NewSourceInput = z.object({
  name: z.string({ error: 'field.required' }).trim().min(1, 'field.required').max(200, 'field.too_long'),
  homepage: httpUrl,
  country: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/, 'field.country'),
  lang: z
    .string()
    .trim()
    .regex(/^[a-z]{2}$/, 'field.lang'),
  kind: z.enum(['domestic', 'foreign', 'government', 'other'], { error: 'field.invalid' }),
  collection: z.string().trim().max(200, 'field.too_long').optional(),
  feeds: z
    .array(
      z.object({
        url: httpUrl,
        kind: z.enum(['feed', 'sitemap', 'listing'], { error: 'field.invalid' }),
        selector: z.string().trim().max(500, 'field.too_long').optional(),
        title: z.string().max(500).optional(),
        format: z.string().max(20).optional(),
      }),
    )
    .max(50, 'field.too_many'),
})
export type NewSourceInput = z.input<typeof NewSourceInput>

/** Creates a source and its feeds (each a feed, sitemap or listing page) in one audited transaction. */
export async function addSource(
  db: Kysely<Database>,
  input: unknown,
  by: Actor,
): Promise<{ source: SourceRow; feeds: FeedRow[] }> {
  const data = parseInput(NewSourceInput, input)
  for (const f of data.feeds) {
    if (f.kind === 'listing' && !f.selector) {
      parseInput(z.object({ selector: z.string({ error: 'field.selector' }) }), {})
    }
  }
  return db.transaction().execute(async (trx) => {
    const source = await upsertSource(trx, { ...data, collection: data.collection || null })
    const feeds: FeedRow[] = []
    for (const f of data.feeds) {
      feeds.push(
        await upsertFeed(trx, {
          sourceId: source.id,
          url: f.url,
          kind: f.kind,
          selector: f.selector ?? null,
          title: f.title ?? null,
          format: f.format ?? null,
        }),
      )
    }
    await recordAudit(trx, {
      ...by,
      action: 'source.create',
      entity: 'source',
      entityId: source.id,
      after: { ...data },
    })
    return { source, feeds }
  })
}
