import type { Readable } from 'node:stream'
import type { Agent } from 'undici'
import { AppError } from '../../shared/errors.js'
import type { FetchRequest, FetchResult } from './fetch-types.js'
import { ACCEPT_ENCODING, decodersFor, readBodyCapped } from './read-body.js'

export interface FetchConfig {
  userAgent: string
  maxBytes: number
  maxRedirects: number
}

const DEFAULT_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5'
const REDIRECTS = new Set([301, 302, 303, 307, 308])

/** Drops a body we will not read; undici reports the destroy as an error event, which is expected here. */
function discard(body: Readable): void {
  body.on('error', () => {})
  body.destroy()
}

/** Parses the URL and refuses anything but http(s) before any socket is opened. */
export function parseFetchUrl(raw: string, base?: string): URL {
  let u: URL
  try {
    u = new URL(raw, base)
  } catch {
    throw new AppError('FETCH_FAILED', `invalid URL: ${raw}`, { details: { reason: 'invalid_url' } })
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    throw new AppError('FETCH_BLOCKED', `scheme not allowed: ${u.protocol}`, {
      details: { reason: 'scheme' },
    })
  }
  if (u.username || u.password) {
    throw new AppError('FETCH_BLOCKED', 'credentials in URL are not allowed', {
      details: { reason: 'credentials' },
    })
  }
  u.hash = ''
  return u
}

/** Follows up to `maxRedirects` redirects by hand so each hop is re-checked and loops are caught. */
export async function fetchFollowingRedirects(
  agent: Agent,
  url: string,
  req: FetchRequest,
  signal: AbortSignal,
  cfg: FetchConfig,
  started: number,
): Promise<FetchResult> {
  let current = parseFetchUrl(url)
  const seen = new Set<string>([current.href])
  for (let hop = 0; ; hop++) {
    const res = await agent.request({
      origin: current.origin,
      path: `${current.pathname}${current.search}`,
      method: 'GET',
      headers: requestHeaders(req, cfg),
      signal,
    })
    const headers = flattenHeaders(res.headers)
    if (REDIRECTS.has(res.statusCode) && headers.location) {
      discard(res.body)
      if (hop >= cfg.maxRedirects) {
        throw new AppError('FETCH_FAILED', `more than ${cfg.maxRedirects} redirects`, {
          details: { reason: 'too_many_redirects', url: current.href },
        })
      }
      const next = parseFetchUrl(headers.location, current.href)
      if (seen.has(next.href)) {
        throw new AppError('FETCH_FAILED', `redirect loop at ${next.href}`, {
          details: { reason: 'redirect_loop' },
        })
      }
      seen.add(next.href)
      current = next
      continue
    }
    return finish(current.href, res.statusCode, headers, res.body, req, cfg, started)
  }
}

async function finish(
  url: string,
  status: number,
  headers: Record<string, string>,
  body: Readable,
  req: FetchRequest,
  cfg: FetchConfig,
  started: number,
): Promise<FetchResult> {
  const fetchedAt = new Date(started).toISOString()
  const notModified = status === 304
  if (!notModified && (status < 200 || status > 299)) {
    discard(body)
    throw new AppError('FETCH_FAILED', `HTTP ${status} from ${url}`, {
      details: { reason: 'http_status', status, url, retryAfter: headers['retry-after'] ?? null },
    })
  }
  const maxBytes = req.maxBytes ?? cfg.maxBytes
  const declared = Number(headers['content-length'] ?? Number.NaN)
  if (declared > maxBytes) {
    discard(body)
    throw new AppError('FETCH_TOO_LARGE', `Content-Length ${declared} over ${maxBytes} bytes`, {
      details: { reason: 'too_large', maxBytes },
    })
  }
  if (notModified) discard(body)
  const bytes = notModified
    ? new Uint8Array(0)
    : await readBodyCapped(body, decodersFor(headers['content-encoding']), maxBytes)
  const [type, charset] = splitContentType(headers['content-type'])
  return {
    url,
    status,
    headers,
    bytes,
    contentType: type,
    charset,
    etag: headers.etag ?? null,
    lastModified: headers['last-modified'] ?? null,
    notModified,
    fetchedAt,
    elapsedMs: Date.now() - started,
  }
}

function requestHeaders(req: FetchRequest, cfg: FetchConfig): Record<string, string> {
  const h: Record<string, string> = {
    'user-agent': cfg.userAgent,
    accept: req.accept ?? DEFAULT_ACCEPT,
    'accept-encoding': ACCEPT_ENCODING,
  }
  if (req.etag) h['if-none-match'] = req.etag
  if (req.lastModified) h['if-modified-since'] = req.lastModified
  return h
}

function flattenHeaders(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(raw)) {
    if (v === undefined) continue
    out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v
  }
  return out
}

const CHARSET_PARAM = /;\s*charset\s*=\s*"?([^";\s]+)"?/i

function splitContentType(value: string | undefined): [string | null, string | null] {
  if (!value) return [null, null]
  const type = value.split(';')[0]!.trim().toLowerCase() || null
  const charset = CHARSET_PARAM.exec(value)?.[1]?.toLowerCase() ?? null
  return [type, charset]
}
