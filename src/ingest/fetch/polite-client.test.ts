import assert from 'node:assert/strict'
import { setTimeout as sleep } from 'node:timers/promises'
import { after, before, beforeEach, describe, it } from 'node:test'
import { isAppError } from '../../shared/errors.js'
import { type LoopbackServer, startLoopbackServer } from '../../../test/fixtures/feeds/loopback-server.js'
import { createFetcher } from './create-fetcher.js'
import type { Fetcher } from './fetch-types.js'
import { createPoliteClient } from './polite-client.js'

const ROBOTS = `User-agent: *
Disallow: /private
Crawl-delay: 0.3
Sitemap: /sitemap.xml

User-agent: OtherBot
Disallow: /
`

describe('createPoliteClient', () => {
  let site: LoopbackServer
  let down: LoopbackServer
  let second: LoopbackServer
  let fetcher: Fetcher
  const log: { path: string; at: number }[] = []
  let inFlight = 0
  let maxInFlight = 0
  let flaky = 0

  const handler =
    (tag: string) => (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => {
      const path = `${tag}${req.url}`
      log.push({ path, at: Date.now() })
      inFlight++
      maxInFlight = Math.max(maxInFlight, inFlight)
      res.on('close', () => inFlight--)
      if (req.url === '/robots.txt') {
        if (tag === 'down') return void res.writeHead(503).end()
        if (tag === 'second') return void res.writeHead(404).end()
        return void res.end(ROBOTS)
      }
      if (req.url === '/flaky') return void (++flaky <= 2 ? res.writeHead(503).end() : res.end('finally'))
      if (req.url === '/missing') return void res.writeHead(404).end()
      // the second host answers slowly so its requests overlap the site's; the site answers fast so only
      // the crawl delay (not the response time) can explain the gaps between its requests
      setTimeout(() => res.end(`page ${req.url}`), tag === 'second' ? 400 : 10)
    }

  before(async () => {
    site = await startLoopbackServer(handler('site'))
    down = await startLoopbackServer(handler('down'))
    second = await startLoopbackServer(handler('second'))
    fetcher = createFetcher({ allowPrivate: [site.hostPort, down.hostPort, second.hostPort] })
  })
  beforeEach(() => {
    log.length = 0
    maxInFlight = 0
  })
  after(async () => {
    await fetcher.close()
    await Promise.all([site.close(), down.close(), second.close()])
  })

  it('refuses robots-disallowed paths without requesting them, and caches robots.txt', async () => {
    const client = createPoliteClient(fetcher, { minDelayMs: 0 })
    await assert.rejects(
      client.get(site.url('/private/report')),
      (e) => isAppError(e) && e.details.reason === 'robots',
    )
    assert.equal((await client.get(site.url('/a'))).status, 200)
    assert.equal((await client.get(site.url('/b'))).status, 200)
    assert.deepEqual(
      log.map((l) => l.path),
      ['site/robots.txt', 'site/a', 'site/b'],
    )
    const rules = await client.robots(site.url('/'))
    assert.deepEqual(rules.sitemaps, [site.url('/sitemap.xml')])
    assert.equal(rules.crawlDelaySec, 0.3)
  })

  it('refetches robots.txt after its TTL', async () => {
    let now = 1_000_000
    const client = createPoliteClient(fetcher, { minDelayMs: 0, robotsTtlMs: 1000, now: () => now })
    await client.get(site.url('/a'))
    now += 500
    await client.get(site.url('/b'))
    now += 1000
    await client.get(site.url('/c'))
    assert.equal(log.filter((l) => l.path === 'site/robots.txt').length, 2)
  })

  it('applies a UA-specific group', async () => {
    const client = createPoliteClient(fetcher, { agentToken: 'OtherBot', minDelayMs: 0 })
    await assert.rejects(client.get(site.url('/a')), (e) => isAppError(e) && e.code === 'FETCH_BLOCKED')
  })

  it('keeps one request at a time per host, spaced by Crawl-delay, while hosts run in parallel', async () => {
    const client = createPoliteClient(fetcher, { minDelayMs: 0 })
    await Promise.all([client.robots(site.url('/')), client.robots(second.url('/'))])
    await sleep(350) // the robots.txt fetch itself counts against the site's crawl delay
    log.length = 0
    maxInFlight = 0
    await Promise.all([
      client.get(site.url('/1')),
      client.get(site.url('/2')),
      client.get(site.url('/3')),
      client.get(second.url('/x')),
      client.get(second.url('/y')),
    ])
    const siteTimes = log.filter((l) => l.path.startsWith('site/')).map((l) => l.at)
    assert.equal(siteTimes.length, 3)
    for (let i = 1; i < siteTimes.length; i++) {
      // server arrival times jitter a little under load; without pacing the gap would be ~10 ms
      assert.ok(siteTimes[i]! - siteTimes[i - 1]! >= 250, `gap ${siteTimes[i]! - siteTimes[i - 1]!} ms`)
    }
    assert.equal(maxInFlight, 2, 'one per host, two hosts')
  })

  it('treats robots 404 as allow-all and 5xx as disallow-all', async () => {
    const client = createPoliteClient(fetcher, { minDelayMs: 0 })
    assert.equal((await client.get(second.url('/anything'))).status, 200)
    await assert.rejects(client.get(down.url('/news')), (e) => isAppError(e) && e.details.reason === 'robots')
    assert.equal((await client.robots(down.url('/'))).status, 'unreachable')
  })

  it('retries temporary failures a bounded number of times, never hard ones', async () => {
    const client = createPoliteClient(fetcher, { minDelayMs: 0, retryBaseMs: 20, respectRobots: false })
    const r = await client.get(site.url('/flaky'))
    assert.equal(new TextDecoder().decode(r.bytes), 'finally')
    assert.equal(log.filter((l) => l.path === 'site/flaky').length, 3)
    await assert.rejects(client.get(site.url('/missing')), (e) => isAppError(e) && e.details.status === 404)
    assert.equal(log.filter((l) => l.path === 'site/missing').length, 1)
    flaky = 0
    const once = createPoliteClient(fetcher, {
      minDelayMs: 0,
      retryBaseMs: 20,
      retries: 1,
      respectRobots: false,
    })
    await assert.rejects(once.get(site.url('/flaky')), (e) => isAppError(e) && e.details.status === 503)
  })
})
