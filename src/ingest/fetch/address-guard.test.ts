import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { LookupFunction } from 'node:net'
import { isAppError } from '../../shared/errors.js'
import { type LoopbackServer, startLoopbackServer } from '../../../test/fixtures/feeds/loopback-server.js'
import { isBlockedAddress, parseAllowList } from './address-guard.js'
import { createFetcher } from './create-fetcher.js'

const BLOCKED = [
  '127.0.0.1',
  '127.255.255.254',
  '10.1.2.3',
  '172.16.0.1',
  '192.168.1.1',
  '169.254.169.254',
  '100.64.0.1',
  '0.0.0.0',
  '224.0.0.1',
  '255.255.255.255',
  '240.0.0.1',
  '::1',
  '::',
  'fc00::1',
  'fd12:3456::1',
  'fe80::1',
  'ff02::1',
  '::ffff:127.0.0.1',
  '::ffff:10.0.0.1',
  '::ffff:169.254.169.254',
  'not-an-ip',
]
const PUBLIC = ['8.8.8.8', '1.1.1.1', '203.162.4.190', '2001:4860:4860::8888', '::ffff:8.8.8.8']

describe('isBlockedAddress', () => {
  for (const a of BLOCKED) it(`blocks ${a}`, () => assert.equal(isBlockedAddress(a), true))
  for (const a of PUBLIC) it(`lets ${a} through`, () => assert.equal(isBlockedAddress(a), false))
  it('honours CIDR exceptions only inside the range', () => {
    const allow = parseAllowList(['10.0.0.0/8', '::1'])
    assert.equal(isBlockedAddress('10.9.9.9', allow), false)
    assert.equal(isBlockedAddress('::1', allow), false)
    assert.equal(isBlockedAddress('192.168.0.1', allow), true)
  })
  it('rejects a malformed allow entry', () =>
    assert.throws(() => parseAllowList(['localhost']), /host:port or CIDR/))
})

const codeOf = async (p: Promise<unknown>) => {
  try {
    await p
    return 'OK'
  } catch (e) {
    assert.ok(isAppError(e), `not an AppError: ${String(e)}`)
    return e.code
  }
}

describe('SSRF guard on real connections', () => {
  let server: LoopbackServer
  let other: LoopbackServer
  let hits = 0
  before(async () => {
    other = await startLoopbackServer((_req, res) => {
      hits++
      res.end('secret')
    })
    server = await startLoopbackServer((req, res) => {
      if (req.url === '/to-other') res.writeHead(302, { location: other.url('/') })
      else if (req.url === '/to-metadata')
        res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' })
      else if (req.url === '/to-mapped')
        res.writeHead(301, { location: `http://[::ffff:127.0.0.1]:${other.port}/` })
      else if (req.url === '/to-decimal') res.writeHead(307, { location: `http://2130706433:${other.port}/` })
      else if (req.url === '/to-localhost')
        res.writeHead(302, { location: `http://localhost:${other.port}/` })
      res.end('ok')
    })
  })
  after(async () => {
    await server.close()
    await other.close()
  })

  it('blocks loopback literals in every spelling when nothing is allowed', async () => {
    const f = createFetcher()
    const p = other.port
    const urls = [
      `http://127.0.0.1:${p}/`,
      `http://127.1:${p}/`,
      `http://0x7f000001:${p}/`,
      `http://2130706433:${p}/`,
      `http://0177.0.0.1:${p}/`,
      `http://[::1]:${p}/`,
      `http://[::ffff:127.0.0.1]:${p}/`,
      `http://0.0.0.0:${p}/`,
      `http://localhost:${p}/`,
    ]
    for (const u of urls) assert.equal(await codeOf(f.fetch(u)), 'FETCH_BLOCKED', u)
    await f.close()
    assert.equal(hits, 0)
  })

  it('allows exactly the listed host:port and blocks redirects out of it', async () => {
    const f = createFetcher({ allowPrivate: [server.hostPort] })
    assert.equal(new TextDecoder().decode((await f.fetch(server.url('/plain'))).bytes), 'ok')
    for (const path of ['/to-other', '/to-metadata', '/to-mapped', '/to-decimal', '/to-localhost']) {
      assert.equal(await codeOf(f.fetch(server.url(path))), 'FETCH_BLOCKED', path)
    }
    await f.close()
    assert.equal(hits, 0, 'the blocked server was never reached')
  })

  it('checks the addresses a name resolves to', async () => {
    const fake: LookupFunction = (host, opts, cb) => {
      const addrs =
        host === 'mixed.example.vn'
          ? [
              { address: '203.162.4.190', family: 4 },
              { address: '127.0.0.1', family: 4 },
            ]
          : [{ address: '127.0.0.1', family: 4 }]
      if (opts.all) (cb as unknown as (e: null, a: typeof addrs) => void)(null, addrs)
      else cb(null, addrs[0]!.address, 4)
    }
    const f = createFetcher({ lookup: fake, allowPrivate: [`named.example.vn:${other.port}`] })
    assert.equal(await codeOf(f.fetch(`http://feeds.example.vn:${other.port}/`)), 'FETCH_BLOCKED')
    assert.equal(await codeOf(f.fetch(`http://mixed.example.vn:${other.port}/`)), 'FETCH_BLOCKED')
    assert.equal(hits, 0)
    // the same resolution is fine for an exact host:port exception
    assert.equal(await codeOf(f.fetch(`http://named.example.vn:${other.port}/`)), 'OK')
    assert.equal(hits, 1)
    await f.close()
  })

  it('refuses non-http schemes and credentials', async () => {
    const f = createFetcher()
    assert.equal(await codeOf(f.fetch('file:///etc/passwd')), 'FETCH_BLOCKED')
    assert.equal(await codeOf(f.fetch('ftp://example.vn/')), 'FETCH_BLOCKED')
    assert.equal(await codeOf(f.fetch('http://user:pw@example.vn/')), 'FETCH_BLOCKED')
    assert.equal(await codeOf(f.fetch('http://exa mple/')), 'FETCH_FAILED')
    await f.close()
  })
})
