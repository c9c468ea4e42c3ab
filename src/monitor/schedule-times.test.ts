import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { fromVnWallClock } from '../shared/time.js'
import { lastDigestWindow, quietHoursEnd, vnDayStart } from './schedule-times.js'

const vn = (d: number, h: number, m = 0) => fromVnWallClock(2026, 3, d, h, m)

describe('quiet hours and digest times (Viet Nam time, whatever TZ the process has)', () => {
  const cases: [string, Date, string | null, string | null, Date | null][] = [
    ['inside a window that wraps midnight, evening', vn(10, 23, 15), '22:00', '06:30', vn(11, 6, 30)],
    ['inside a window that wraps midnight, early morning', vn(11, 5, 0), '22:00', '06:30', vn(11, 6, 30)],
    ['after it ends', vn(11, 6, 30), '22:00', '06:30', null],
    ['before it starts', vn(10, 21, 59), '22:00', '06:30', null],
    ['inside a daytime window', vn(10, 12, 10), '12:00', '13:30', vn(10, 13, 30)],
    ['no quiet hours', vn(10, 3, 0), null, null, null],
    ['equal ends mean none', vn(10, 3, 0), '03:00', '03:00', null],
  ]
  for (const [name, now, start, end, want] of cases) {
    test(name, () => assert.deepEqual(quietHoursEnd(now, start, end), want))
  }

  test('the digest window ends at the last 07:00 ICT', () => {
    assert.deepEqual(lastDigestWindow(vn(10, 7, 5)), { from: vn(9, 7), to: vn(10, 7) })
    assert.deepEqual(lastDigestWindow(vn(10, 6, 59)), { from: vn(8, 7), to: vn(9, 7) })
    // 07:00 ICT is 00:00 UTC
    assert.equal(vn(10, 7).toISOString(), '2026-03-10T00:00:00.000Z')
  })

  test('day start crosses month ends', () => {
    assert.equal(vnDayStart(vn(1, 3), -1).toISOString(), '2026-02-27T17:00:00.000Z')
  })
})
