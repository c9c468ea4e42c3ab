import { setTimeout as sleep } from 'node:timers/promises'
import PQueue from 'p-queue'
import { classifyFetchError, seededRandom } from './classify-fetch-error.js'
import type { Fetcher, FetchRequest, FetchResult } from './fetch-types.js'
import { createRobotsCache, type RobotsRules, robotsDisallowed } from './robots-cache.js'

export interface PoliteOptions {
  /** product token matched against robots.txt User-agent lines */
  agentToken?: string
  /** parallel requests per origin */
  perHostConcurrency?: number
  /** least time between two request starts on one origin */
  minDelayMs?: number
  /** robots.txt Crawl-delay above this is clamped (a hostile 86400 must not freeze a source) */
  maxCrawlDelaySec?: number
  robotsTtlMs?: number
  robotsErrorTtlMs?: number
  respectRobots?: boolean
  /** extra attempts after a temporary failure */
  retries?: number
  /** first retry wait; doubles per attempt */
  retryBaseMs?: number
  /** longest Retry-After we are willing to sleep inside one call; longer ones fail to the scheduler */
  maxRetryAfterMs?: number
  now?: () => number
  random?: () => number
}

export const POLITE_DEFAULTS = {
  agentToken: 'HaiDangBot',
  /** one request at a time per site: news sites are shared infrastructure, we are a guest */
  perHostConcurrency: 1,
  /** one request per second per site unless robots.txt asks for more */
  minDelayMs: 1000,
  maxCrawlDelaySec: 30,
  /** robots.txt rarely changes; RFC 9309 suggests caching no longer than 24 h */
  robotsTtlMs: 3600_000,
  robotsErrorTtlMs: 600_000,
  respectRobots: true,
  /** two retries absorb a blip; longer outages belong to the scheduler's backoff */
  retries: 2,
  retryBaseMs: 1000,
  maxRetryAfterMs: 10_000,
}

export interface PoliteClient {
  get(url: string, req?: FetchRequest): Promise<FetchResult>
  /** the cached robots.txt rules for the origin of `url` (discovery reads its Sitemap lines) */
  robots(url: string): Promise<RobotsRules>
}

interface HostState {
  queue: PQueue
  lastStart: number
}

/** Wraps the guarded fetcher with robots.txt, per-host pacing and bounded retries. */
export function createPoliteClient(fetcher: Fetcher, options: PoliteOptions = {}): PoliteClient {
  const o = { ...POLITE_DEFAULTS, now: Date.now, random: seededRandom(Date.now()), ...options }
  const robots = createRobotsCache((url, req) => paced(url, req, null), {
    agentToken: o.agentToken,
    ttlMs: o.robotsTtlMs,
    errorTtlMs: o.robotsErrorTtlMs,
    now: o.now,
  })
  const hosts = new Map<string, HostState>()

  const hostFor = (origin: string): HostState => {
    let h = hosts.get(origin)
    if (!h) {
      h = { queue: new PQueue({ concurrency: o.perHostConcurrency }), lastStart: 0 }
      hosts.set(origin, h)
    }
    return h
  }

  /** One paced request: waits its turn on the origin's queue and the gap since the previous start. */
  async function paced(url: string, req: FetchRequest, rules: RobotsRules | null): Promise<FetchResult> {
    const host = hostFor(new URL(url).origin)
    const crawlDelayMs = Math.min(rules?.crawlDelaySec ?? 0, o.maxCrawlDelaySec) * 1000
    const gap = Math.max(o.minDelayMs, crawlDelayMs)
    return host.queue.add(async () => {
      const wait = host.lastStart + gap - Date.now()
      if (wait > 0) await sleep(wait)
      host.lastStart = Date.now()
      return fetcher.fetch(url, req)
    })
  }

  async function get(url: string, req: FetchRequest = {}): Promise<FetchResult> {
    const rules = o.respectRobots ? await robots.rulesFor(url) : null
    if (rules && !rules.isAllowed(url)) throw robotsDisallowed(url)
    for (let attempt = 0; ; attempt++) {
      try {
        return await paced(url, req, rules)
      } catch (err) {
        const graded = classifyFetchError(err)
        if (graded.grade !== 'temporary' || attempt >= o.retries) throw err
        const backoff = o.retryBaseMs * 2 ** attempt * (0.5 + o.random())
        const asked = (graded.retryAfterSec ?? 0) * 1000
        if (asked > o.maxRetryAfterMs) throw err
        await sleep(Math.max(backoff, asked))
      }
    }
  }

  return { get, robots: (url) => robots.rulesFor(url) }
}
