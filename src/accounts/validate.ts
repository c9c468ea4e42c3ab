import type { z } from 'zod'
import { AppError, type FieldProblem } from '../shared/errors.js'

/**
 * Parses untrusted input with a zod schema; on failure throws VALIDATION_FAILED with one problem per
 * field. Schemas use message keys (`field.required`, `field.too_long`…) as their error messages, so the
 * web layer can show each in the user's language beside the field.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input)
  if (r.success) return r.data
  const fields: FieldProblem[] = r.error.issues.map((i) => ({
    field: i.path.join('.') || '_',
    key: i.message.startsWith('field.') ? i.message : 'field.invalid',
  }))
  throw new AppError(
    'VALIDATION_FAILED',
    `Invalid input: ${fields.map((f) => `${f.field} (${f.key})`).join(', ')}`,
    {
      fields,
    },
  )
}
