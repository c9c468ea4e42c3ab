import robotsParserModule from 'robots-parser'
import { AppError, isAppError } from '../../shared/errors.js'
import type { FetchRequest, FetchResult } from './fetch-types.js'

/** What the client needs from one host's robots.txt. */
export interface RobotsRules {
  isAllowed(url: string): boolean
  /** seconds asked for between requests, if any */
  crawlDelaySec: number | null
  /** `Sitemap:` lines, absolute */
  sitemaps: string[]
  /** how the file was obtained: parsed, missing (4xx → allow all), unreachable (5xx/network → disallow all) */
  status: 'parsed' | 'missing' | 'unreachable'
}

export interface RobotsCacheOptions {
  /** product token matched against User-agent lines */
  agentToken: string
  ttlMs: number
  /** shorter life for "unreachable", so a passing outage does not block a host for the full TTL */
  errorTtlMs: number
  now: () => number
}

// robots-parser is CommonJS with `module.exports = fn` but types it as an ES default export;
// under NodeNext the default import *is* the function, so re-type it once here.
const robotsParser = robotsParserModule as unknown as typeof robotsParserModule.default

/** RFC 9309 §2.5: crawlers must parse at least 500 KiB; anything past that may be ignored. */
const ROBOTS_MAX_BYTES = 512 * 1024

/**
 * Fetches robots.txt through `fetch` (the guarded fetcher, paced like any request) and caches it per origin.
 * Concurrent callers for the same origin share one fetch.
 */
export function createRobotsCache(
  fetch: (url: string, req: FetchRequest) => Promise<FetchResult>,
  opts: RobotsCacheOptions,
) {
  const cache = new Map<string, { expires: number; rules: Promise<RobotsRules> }>()

  function rulesFor(pageUrl: string): Promise<RobotsRules> {
    const origin = new URL(pageUrl).origin
    const hit = cache.get(origin)
    if (hit && hit.expires > opts.now()) return hit.rules
    const entry = { expires: opts.now() + opts.ttlMs, rules: load(origin) }
    cache.set(origin, entry)
    entry.rules.then(
      (r) => {
        if (r.status === 'unreachable') entry.expires = opts.now() + opts.errorTtlMs
      },
      () => cache.delete(origin),
    )
    return entry.rules
  }

  async function load(origin: string): Promise<RobotsRules> {
    const robotsUrl = `${origin}/robots.txt`
    try {
      const res = await fetch(robotsUrl, { accept: 'text/plain', maxBytes: ROBOTS_MAX_BYTES })
      return fromText(robotsUrl, new TextDecoder().decode(res.bytes), opts.agentToken)
    } catch (err) {
      if (isAppError(err) && err.code === 'FETCH_TOO_LARGE') return allowAll('missing')
      if (isAppError(err) && err.code === 'FETCH_BLOCKED') throw err
      const status = isAppError(err) && typeof err.details.status === 'number' ? err.details.status : null
      // RFC 9309 §2.3.1: 4xx means "no rules"; 5xx or no answer means "assume complete disallow"
      if (status !== null && status >= 400 && status < 500) return allowAll('missing')
      return disallowAll()
    }
  }

  return { rulesFor }
}

function fromText(robotsUrl: string, text: string, agent: string): RobotsRules {
  const robots = robotsParser(robotsUrl, text)
  const delay = robots.getCrawlDelay(agent)
  return {
    isAllowed: (url) => robots.isAllowed(url, agent) !== false,
    crawlDelaySec: typeof delay === 'number' && Number.isFinite(delay) ? delay : null,
    sitemaps: robots.getSitemaps().flatMap((s: string) => {
      try {
        return [new URL(s, robotsUrl).href]
      } catch {
        return []
      }
    }),
    status: 'parsed',
  }
}

const allowAll = (status: RobotsRules['status']): RobotsRules => ({
  isAllowed: () => true,
  crawlDelaySec: null,
  sitemaps: [],
  status,
})

const disallowAll = (): RobotsRules => ({
  isAllowed: () => false,
  crawlDelaySec: null,
  sitemaps: [],
  status: 'unreachable',
})

export const robotsDisallowed = (url: string) =>
  new AppError('FETCH_BLOCKED', `disallowed by robots.txt: ${url}`, { details: { reason: 'robots', url } })
