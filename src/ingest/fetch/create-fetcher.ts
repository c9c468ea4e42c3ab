import { isIP } from 'node:net'
import { Agent, buildConnector } from 'undici'
import { AppError, isAppError } from '../../shared/errors.js'
import {
  blockedError,
  guardedLookup,
  isAllowedHostPort,
  isBlockedAddress,
  parseAllowList,
} from './address-guard.js'
import type { Fetcher, FetcherOptions, FetchRequest, FetchResult } from './fetch-types.js'
import { fetchFollowingRedirects } from './follow-redirects.js'

export const USER_AGENT = 'HaiDangBot/0.1 (+https://github.com/haidang)'

/** Defaults sized for news feeds and article pages. */
export const FETCH_DEFAULTS = {
  /** a reachable server accepts a TCP connection in well under a second; 10 s covers bad links */
  connectTimeoutMs: 10_000,
  /** slow CMSes render big feeds on demand; 20 s is generous without stalling a worker */
  headersTimeoutMs: 20_000,
  /** idle gap between body chunks */
  bodyTimeoutMs: 15_000,
  /** whole fetch: bounds slow-drip servers that send one byte at a time and never trip the idle timer */
  totalTimeoutMs: 45_000,
  /** the largest real feeds/sitemaps seen are a few MB; 15 MB leaves room and bounds memory */
  maxBytes: 15 * 1024 * 1024,
  /** RSS best practice and miniflux use a handful; more is usually a loop or a trap */
  maxRedirects: 3,
} as const

/**
 * The only way the product reaches the network. Every connection (first request and every redirect)
 * goes through a connector that refuses non-public addresses; limits bound time and memory.
 */
export function createFetcher(opts: FetcherOptions = {}): Fetcher {
  const cfg = { ...FETCH_DEFAULTS, userAgent: USER_AGENT, ...stripUndefined(opts) }
  const agent = new Agent({
    connect: guardedConnector(opts, cfg.connectTimeoutMs),
    headersTimeout: cfg.headersTimeoutMs,
    bodyTimeout: cfg.bodyTimeoutMs,
    // feeds are fetched once per interval; keeping sockets warm for long buys nothing
    keepAliveTimeout: 4_000,
  })

  async function fetch(url: string, req: FetchRequest = {}): Promise<FetchResult> {
    const started = Date.now()
    const deadline = new AbortController()
    const timer = setTimeout(() => deadline.abort(deadlineError(cfg.totalTimeoutMs)), cfg.totalTimeoutMs)
    const signal = req.signal ? AbortSignal.any([deadline.signal, req.signal]) : deadline.signal
    try {
      return await fetchFollowingRedirects(agent, url, req, signal, cfg, started)
    } catch (err) {
      throw normalizeError(err, signal, url)
    } finally {
      clearTimeout(timer)
    }
  }

  return { fetch, close: () => agent.close() }
}

function guardedConnector(opts: FetcherOptions, timeout: number): buildConnector.connector {
  const allow = parseAllowList(opts.allowPrivate)
  const guarded = buildConnector({ timeout, lookup: guardedLookup(allow, opts.lookup) })
  const trusted = buildConnector(opts.lookup ? { timeout, lookup: opts.lookup } : { timeout })
  return (o, cb) => {
    const port = o.port || (o.protocol === 'https:' ? '443' : '80')
    if (isAllowedHostPort(o.hostname, port, allow)) return trusted(o, cb)
    // IP literals never reach `lookup`, so they are judged here
    if (isIP(o.hostname) && isBlockedAddress(o.hostname, allow))
      return cb(blockedError(o.hostname, o.hostname), null)
    return guarded(o, cb)
  }
}

const deadlineError = (ms: number) =>
  new AppError('FETCH_TIMEOUT', `fetch took longer than ${ms} ms`, { details: { reason: 'deadline' } })

const UNDICI_TIMEOUTS: Record<string, string> = {
  UND_ERR_CONNECT_TIMEOUT: 'connect',
  UND_ERR_HEADERS_TIMEOUT: 'headers',
  UND_ERR_BODY_TIMEOUT: 'body',
}

/** Turns whatever undici/zlib/the guard threw into an AppError with a `reason` the classifier reads. */
function normalizeError(err: unknown, signal: AbortSignal, url: string): AppError {
  if (signal.aborted && isAppError(signal.reason)) return signal.reason
  const found = findAppError(err)
  if (found) return found
  const e = err as NodeJS.ErrnoException & { cause?: unknown }
  const code = e?.code ?? (e?.cause as NodeJS.ErrnoException | undefined)?.code ?? ''
  const phase = UNDICI_TIMEOUTS[code]
  if (phase) {
    return new AppError('FETCH_TIMEOUT', `${phase} timeout fetching ${url}`, {
      cause: err,
      details: { reason: phase },
    })
  }
  if (signal.aborted)
    return new AppError('FETCH_FAILED', `fetch aborted: ${url}`, {
      cause: err,
      details: { reason: 'aborted' },
    })
  return new AppError('FETCH_FAILED', `${code || 'network error'}: ${e?.message ?? String(err)}`, {
    cause: err,
    details: { reason: 'network', errno: code },
  })
}

/** The guard's error may come back wrapped (undici, net) one or two `cause`s deep. */
function findAppError(err: unknown): AppError | null {
  let cur: unknown = err
  for (let depth = 0; depth < 4 && cur; depth++) {
    if (isAppError(cur)) return cur
    cur = (cur as { cause?: unknown }).cause
  }
  return null
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>
}
