import type { IncomingHttpHeaders } from 'node:http'

const WEAK_PREFIX = /^W\//

/**
 * Whether a GET may be answered 304 (RFC 9110 §13.1): If-None-Match wins when present (weak
 * comparison, `*` matches); otherwise If-Modified-Since at or after the last change, to the second.
 */
export function notModified(headers: IncomingHttpHeaders, etag: string, lastModified: Date): boolean {
  const inm = headers['if-none-match']
  if (inm !== undefined) {
    const strip = (t: string) => t.trim().replace(WEAK_PREFIX, '')
    return inm.split(',').some((t) => t.trim() === '*' || strip(t) === strip(etag))
  }
  const ims = headers['if-modified-since']
  if (ims === undefined) return false
  const since = Date.parse(ims)
  return !Number.isNaN(since) && Math.floor(lastModified.getTime() / 1000) * 1000 <= since
}
