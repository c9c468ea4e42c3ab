import assert from 'node:assert/strict'
import type { ServerResponse } from 'node:http'
import { after, before, describe, it } from 'node:test'
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib'
import { AppError, isAppError } from '../../shared/errors.js'
import { type LoopbackServer, startLoopbackServer } from '../../../test/fixtures/feeds/loopback-server.js'
import { createFetcher, USER_AGENT } from './create-fetcher.js'
import type { Fetcher } from './fetch-types.js'

const FEED =
  '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Tin tức Đà Nẵng</title></channel></rss>'
const BIG_BYTES = 60 * 1024 * 1024
const CHUNK = Buffer.alloc(64 * 1024, 0x61)

/** Writes up to 60 MB with backpressure and records how much went out before the client hung up. */
function streamHuge(res: ServerResponse, sent: { bytes: number }) {
  res.writeHead(200, { 'content-type': 'application/octet-stream' })
  const pump = () => {
    while (sent.bytes < BIG_BYTES && !res.destroyed) {
      sent.bytes += CHUNK.length
      if (!res.write(CHUNK)) return void res.once('drain', pump)
    }
    res.end()
  }
  pump()
}

async function rejection(p: Promise<unknown>): Promise<AppError> {
  try {
    await p
  } catch (e) {
    assert.ok(isAppError(e), `expected AppError, got ${String(e)}`)
    return e
  }
  assert.fail('expected the fetch to fail')
}

describe('createFetcher against a loopback server', () => {
  let server: LoopbackServer
  let fetcher: Fetcher
  let lastUa = ''
  const huge = { bytes: 0 }
  const timers: NodeJS.Timeout[] = []

  before(async () => {
    server = await startLoopbackServer((req, res) => {
      lastUa = req.headers['user-agent'] ?? ''
      const p = req.url ?? '/'
      if (p === '/feed') {
        if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304).end()
        res.writeHead(200, {
          'content-type': 'application/rss+xml; charset=UTF-8',
          etag: '"v1"',
          'last-modified': 'Tue, 05 Mar 2019 03:00:00 GMT',
        })
        return void res.end(FEED)
      }
      if (p === '/since') {
        const fresh = req.headers['if-modified-since'] === 'Tue, 05 Mar 2019 03:00:00 GMT'
        return void (fresh ? res.writeHead(304).end() : res.end(FEED))
      }
      const encoded: Record<string, [string, Buffer]> = {
        '/gzip': ['gzip', gzipSync(FEED)],
        '/br': ['br', brotliCompressSync(FEED)],
        '/deflate': ['deflate', deflateSync(FEED)],
        '/deflate-raw': ['deflate', deflateRawSync(FEED)],
      }
      const enc = encoded[p]
      if (enc) return void res.writeHead(200, { 'content-encoding': enc[0] }).end(enc[1])
      if (p === '/gzip-truncated') {
        const full = gzipSync(Buffer.from(FEED.repeat(50)))
        return void res.writeHead(200, { 'content-encoding': 'gzip' }).end(full.subarray(0, full.length - 40))
      }
      if (p === '/huge') return streamHuge(res, huge)
      if (p === '/huge-declared')
        return void res.writeHead(200, { 'content-length': String(BIG_BYTES) }).end()
      if (p === '/bomb')
        return void res
          .writeHead(200, { 'content-encoding': 'gzip' })
          .end(gzipSync(Buffer.alloc(20 * 1024 * 1024)))
      if (p === '/slowloris') {
        res.writeHead(200, { 'content-type': 'text/xml' })
        timers.push(setInterval(() => res.write('x'), 1000))
        return
      }
      if (p === '/silent') return // never answers
      if (p === '/loop-a') return void res.writeHead(302, { location: '/loop-b' }).end()
      if (p === '/loop-b') return void res.writeHead(302, { location: '/loop-a' }).end()
      const hop = /^\/hop(\d)$/.exec(p)
      if (hop) return void res.writeHead(301, { location: `/hop${Number(hop[1]) + 1}` }).end()
      if (p === '/moved') return void res.writeHead(308, { location: '/feed' }).end()
      if (p === '/gone') return void res.writeHead(410).end('gone')
      if (p === '/busy') return void res.writeHead(503, { 'retry-after': '120' }).end()
      res.writeHead(404).end()
    })
    fetcher = createFetcher({ allowPrivate: [server.hostPort], maxBytes: 1024 * 1024, bodyTimeoutMs: 3000 })
  })
  after(async () => {
    for (const t of timers) clearInterval(t)
    await fetcher.close()
    await server.close()
  })

  it('returns bytes, headers, charset and validators, and sends the product User-Agent', async () => {
    const r = await fetcher.fetch(server.url('/feed'))
    assert.equal(new TextDecoder().decode(r.bytes), FEED)
    assert.equal(r.status, 200)
    assert.equal(r.contentType, 'application/rss+xml')
    assert.equal(r.charset, 'utf-8')
    assert.equal(r.etag, '"v1"')
    assert.equal(r.lastModified, 'Tue, 05 Mar 2019 03:00:00 GMT')
    assert.equal(r.notModified, false)
    assert.equal(r.headers.etag, '"v1"')
    assert.ok(!Number.isNaN(Date.parse(r.fetchedAt)))
    assert.ok(r.elapsedMs >= 0)
    assert.equal(lastUa, USER_AGENT)
  })

  it('does a conditional GET with ETag and with Last-Modified', async () => {
    const r = await fetcher.fetch(server.url('/feed'), { etag: '"v1"' })
    assert.equal(r.notModified, true)
    assert.equal(r.status, 304)
    assert.equal(r.bytes.length, 0)
    const r2 = await fetcher.fetch(server.url('/since'), { lastModified: 'Tue, 05 Mar 2019 03:00:00 GMT' })
    assert.equal(r2.notModified, true)
    assert.equal((await fetcher.fetch(server.url('/since'))).notModified, false)
  })

  for (const p of ['/gzip', '/br', '/deflate', '/deflate-raw']) {
    it(`decodes ${p.slice(1)}`, async () => {
      assert.equal(new TextDecoder().decode((await fetcher.fetch(server.url(p))).bytes), FEED)
    })
  }

  it('reports a truncated gzip body clearly', async () => {
    const e = await rejection(fetcher.fetch(server.url('/gzip-truncated')))
    assert.equal(e.code, 'FETCH_FAILED')
    assert.match(e.message, /truncated/)
  })

  it('aborts a 60 MB body early and keeps memory low', async () => {
    const rssBefore = process.memoryUsage().rss
    const e = await rejection(fetcher.fetch(server.url('/huge')))
    assert.equal(e.code, 'FETCH_TOO_LARGE')
    const grown = process.memoryUsage().rss - rssBefore
    assert.ok(grown < 40 * 1024 * 1024, `rss grew ${grown} bytes`)
    await new Promise((r) => setTimeout(r, 100))
    assert.ok(huge.bytes < BIG_BYTES / 4, `server pushed ${huge.bytes} bytes before the client hung up`)
  })

  it('rejects a declared oversize body and a decompression bomb', async () => {
    assert.equal((await rejection(fetcher.fetch(server.url('/huge-declared')))).code, 'FETCH_TOO_LARGE')
    assert.equal((await rejection(fetcher.fetch(server.url('/bomb')))).code, 'FETCH_TOO_LARGE')
  })

  it('stops a slowloris body at the total deadline', async () => {
    const f = createFetcher({ allowPrivate: [server.hostPort], totalTimeoutMs: 1500 })
    const t0 = Date.now()
    const e = await rejection(f.fetch(server.url('/slowloris')))
    assert.equal(e.code, 'FETCH_TIMEOUT')
    assert.ok(Date.now() - t0 < 6000, 'the deadline, not the drip, ends the fetch')
    await f.close()
  })

  it('times out waiting for headers', async () => {
    const f = createFetcher({ allowPrivate: [server.hostPort], headersTimeoutMs: 300 })
    const e = await rejection(f.fetch(server.url('/silent')))
    assert.equal(e.code, 'FETCH_TIMEOUT')
    assert.equal(e.details.reason, 'headers')
    await f.close()
  })

  it('follows redirects, detects loops and caps hops at 3', async () => {
    assert.equal((await fetcher.fetch(server.url('/moved'))).url, server.url('/feed'))
    assert.equal((await rejection(fetcher.fetch(server.url('/loop-a')))).details.reason, 'redirect_loop')
    const r = await fetcher.fetch(server.url('/hop1'), {}).catch((e: AppError) => e)
    assert.ok(r instanceof AppError)
    assert.equal(r.details.reason, 'too_many_redirects')
  })

  it('raises HTTP errors with the status for the classifier', async () => {
    const gone = await rejection(fetcher.fetch(server.url('/gone')))
    assert.equal(gone.details.status, 410)
    const busy = await rejection(fetcher.fetch(server.url('/busy')))
    assert.equal(busy.details.status, 503)
    assert.equal(busy.details.retryAfter, '120')
  })
})
