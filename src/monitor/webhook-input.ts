import { AppError, type FieldProblem } from '../shared/errors.js'

const MAX_NAME = 200
const MAX_URL = 2000

/**
 * Reads the webhook form: a name, and an absolute http(s) URL without credentials. Whether the host
 * is reachable or private is the delivery's business (the SSRF-guarded connector refuses private
 * addresses at send time). Throws VALIDATION_FAILED with field problems.
 */
export function readWebhookForm(body: Record<string, unknown>): { name: string; url: string } {
  const name = typeof body.name === 'string' ? body.name.trim() : ''
  const url = typeof body.url === 'string' ? body.url.trim() : ''
  const problems: FieldProblem[] = []
  if (!name) problems.push({ field: 'name', key: 'field.required' })
  else if (name.length > MAX_NAME) problems.push({ field: 'name', key: 'field.too_long' })
  if (!url) problems.push({ field: 'url', key: 'field.required' })
  else if (url.length > MAX_URL) problems.push({ field: 'url', key: 'field.too_long' })
  else if (!isHttpUrl(url)) problems.push({ field: 'url', key: 'field.url' })
  if (problems.length) throw new AppError('VALIDATION_FAILED', 'webhook form invalid', { fields: problems })
  return { name, url }
}

function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s)
    return (
      (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '' && !u.username && !u.password
    )
  } catch {
    return false
  }
}
