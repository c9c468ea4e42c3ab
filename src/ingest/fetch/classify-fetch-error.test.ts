import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { AppError } from '../../shared/errors.js'
import { classifyFetchError, nextCheckDelay, retryAfter, seededRandom } from './classify-fetch-error.js'

const failed = (details: Record<string, unknown>) => new AppError('FETCH_FAILED', 'x', { details })

describe('classifyFetchError', () => {
  const cases: [string, unknown, string][] = [
    ['blocked address', new AppError('FETCH_BLOCKED', 'x', { details: { reason: 'blocked' } }), 'hard'],
    ['robots', new AppError('FETCH_BLOCKED', 'x', { details: { reason: 'robots' } }), 'hard'],
    ['404', failed({ reason: 'http_status', status: 404 }), 'hard'],
    ['410', failed({ reason: 'http_status', status: 410 }), 'hard'],
    ['403', failed({ reason: 'http_status', status: 403 }), 'hard'],
    ['invalid URL', failed({ reason: 'invalid_url' }), 'hard'],
    ['redirect loop', failed({ reason: 'redirect_loop' }), 'hard'],
    ['too large', new AppError('FETCH_TOO_LARGE', 'x', { details: { reason: 'too_large' } }), 'hard'],
    [
      'HTML instead of a feed',
      new AppError('PARSE_FAILED', 'x', { details: { reason: 'not_a_feed' } }),
      'hard',
    ],
    ['unparseable feed', new AppError('PARSE_FAILED', 'x', { details: { reason: 'xml' } }), 'soft'],
    ['truncated gzip', failed({ reason: 'decode' }), 'soft'],
    ['429', failed({ reason: 'http_status', status: 429 }), 'temporary'],
    ['500', failed({ reason: 'http_status', status: 500 }), 'temporary'],
    ['503', failed({ reason: 'http_status', status: 503 }), 'temporary'],
    ['headers timeout', new AppError('FETCH_TIMEOUT', 'x', { details: { reason: 'headers' } }), 'temporary'],
    ['connection reset', failed({ reason: 'network', errno: 'ECONNRESET' }), 'temporary'],
    ['unknown host', failed({ reason: 'network', errno: 'ENOTFOUND' }), 'hard'],
    ['a plain Error', new Error('boom'), 'temporary'],
  ]
  for (const [name, err, grade] of cases)
    it(`${name} → ${grade}`, () => assert.equal(classifyFetchError(err).grade, grade))

  it('carries status and Retry-After', () => {
    const g = classifyFetchError(failed({ reason: 'http_status', status: 429, retryAfter: '120' }))
    assert.equal(g.status, 429)
    assert.equal(g.retryAfterSec, 120)
    assert.equal(g.code, 'FETCH_FAILED')
  })
})

describe('retryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    const now = Date.parse('2024-03-01T00:00:00Z')
    assert.equal(retryAfter('30'), 30)
    assert.equal(retryAfter('Fri, 01 Mar 2024 00:02:00 GMT', now), 120)
    assert.equal(retryAfter('soon'), null)
  })
})

describe('nextCheckDelay', () => {
  const noJitter = () => 0.5
  it('is the base interval with no failures', () =>
    assert.equal(nextCheckDelay(0, 'temporary', 900, { random: noJitter }), 900))
  it('grows exponentially per grade and stops at the cap', () => {
    assert.equal(nextCheckDelay(1, 'temporary', 900, { random: noJitter }), 1800)
    assert.equal(nextCheckDelay(3, 'temporary', 900, { random: noJitter }), 7200)
    assert.equal(nextCheckDelay(30, 'temporary', 900, { random: noJitter }), 6 * 3600)
    assert.equal(nextCheckDelay(2, 'hard', 900, { random: noJitter }), 14_400)
    assert.equal(nextCheckDelay(50, 'hard', 900, { random: noJitter }), 7 * 24 * 3600)
    assert.equal(nextCheckDelay(50, 'soft', 900, { random: noJitter }), 24 * 3600)
  })
  it('never goes below Retry-After', () => {
    assert.equal(nextCheckDelay(0, 'temporary', 60, { random: noJitter, retryAfterSec: 600 }), 600)
  })
  it('jitters within ±10 %, reproducibly with a seed', () => {
    const a = Array.from({ length: 5 }, (_, i) =>
      nextCheckDelay(i, 'soft', 600, { random: seededRandom(42) }),
    )
    const b = Array.from({ length: 5 }, (_, i) =>
      nextCheckDelay(i, 'soft', 600, { random: seededRandom(42) }),
    )
    assert.deepEqual(a, b)
    const rnd = seededRandom(7)
    for (let i = 0; i < 200; i++) {
      const d = nextCheckDelay(2, 'soft', 600, { random: rnd })
      assert.ok(d >= 2160 && d <= 2640, String(d))
    }
  })
})
