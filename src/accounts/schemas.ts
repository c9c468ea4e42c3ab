import { z } from 'zod'
import { ROLES } from '../db/tables/users.js'
import { PASSWORD_MAX, PASSWORD_MIN } from './passwords.js'

/** Form-field schemas shared by the web forms and the CLI. Messages are catalogue keys. */
export const emailField = z
  .string({ error: 'field.required' })
  .trim()
  .min(1, 'field.required')
  .max(254, 'field.too_long')
  .pipe(z.email('field.email'))

export const nameField = z
  .string({ error: 'field.required' })
  .trim()
  .min(1, 'field.required')
  .max(200, 'field.too_long')

export const passwordField = z
  .string({ error: 'field.required' })
  .min(PASSWORD_MIN, 'field.password_short')
  .max(PASSWORD_MAX, 'field.too_long')

export const roleField = z.enum(ROLES as [string, ...string[]], { error: 'field.role' })

export const localeField = z.enum(['vi', 'en'], { error: 'field.invalid' })
