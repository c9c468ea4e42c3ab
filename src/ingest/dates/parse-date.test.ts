import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { parseDate, parseDateIso } from './parse-date.js'
import { offsetMinutes } from './zone.js'

/** Friday 1 March 2024, 10:00 in Hà Nội: the fetch time for relative phrases. */
const NOW = new Date('2024-03-01T03:00:00Z')

// [input, expected ISO instant (UTC) or null]
const TABLE: [string, string | null][] = [
  // RFC 822 / 1123 and the usual mistakes
  ['Thu, 16 May 2019 10:32:36 +0700', '2019-05-16T03:32:36.000Z'],
  ['Tue, 5 Mar 2019 10:00:00 +0700', '2019-03-05T03:00:00.000Z'],
  ['Tue, 5 Mar 2019 10:00:00 GMT+7', '2019-03-05T03:00:00.000Z'],
  ['Tue, 05 Mar 2019 10:00:00 GMT+07:00', '2019-03-05T03:00:00.000Z'],
  ['Tue, 05 Mar 2019 03:00:00 GMT', '2019-03-05T03:00:00.000Z'],
  ['Tue, 05 Mar 2019 03:00:00 Z', '2019-03-05T03:00:00.000Z'],
  ['Wed, 15 May 2019 18:00:00 EST', '2019-05-15T23:00:00.000Z'],
  ['Tue, 5 Mar 2019 10:00:00', '2019-03-05T03:00:00.000Z'],
  ['Tue,5 Mar 2019 10:00 ICT', '2019-03-05T03:00:00.000Z'],
  ['05 Mar 19 10:00:00 +0700', '2019-03-05T03:00:00.000Z'],
  ['Tuesday, 05-March-2019 10:00:00 UTC+7', '2019-03-05T03:00:00.000Z'],
  ['16 May 2019', '2019-05-15T17:00:00.000Z'],
  ['May 16, 2019 10:32 PM', '2019-05-16T15:32:00.000Z'],
  ['Thursday, May 16, 2019 at 10:32 am GMT+7', '2019-05-16T03:32:00.000Z'],
  // ISO 8601 / W3C-DTF
  ['2019-05-16T10:32:36+07:00', '2019-05-16T03:32:36.000Z'],
  ['2019-05-16T03:32:36Z', '2019-05-16T03:32:36.000Z'],
  ['2019-05-16T03:32:36.123456Z', '2019-05-16T03:32:36.000Z'],
  ['2019-05-16T10:32:36+0700', '2019-05-16T03:32:36.000Z'],
  ['2019-05-16 10:32', '2019-05-16T03:32:00.000Z'],
  ['2019-05-16', '2019-05-15T17:00:00.000Z'],
  ['2019/05/16 10:32:36', '2019-05-16T03:32:36.000Z'],
  // Vietnamese, day first, +07:00 when no zone is written
  ['Ngày 16/05/2019 10:32:36', '2019-05-16T03:32:36.000Z'],
  ['16/05/2019 - 10:32', '2019-05-16T03:32:00.000Z'],
  ['Thứ Tư, 28/2/2024, 21:38 (GMT+7)', '2024-02-28T14:38:00.000Z'],
  ['Thứ năm, 16/5/2019 | 10:32 GMT+7', '2019-05-16T03:32:00.000Z'],
  ['Cập nhật lúc 08:15 ngày 01/03/2024', '2024-03-01T01:15:00.000Z'],
  ['ngày 5 tháng 3 năm 2019', '2019-03-04T17:00:00.000Z'],
  ['Ngày 5 tháng 3 năm 2019 lúc 14h20', '2019-03-05T07:20:00.000Z'],
  ['16 tháng 5, 2019', '2019-05-15T17:00:00.000Z'],
  ['05/06/2019', '2019-06-04T17:00:00.000Z'],
  ['05-06-2019 07:00', '2019-06-05T00:00:00.000Z'],
  ['16.05.2019 10:32', '2019-05-16T03:32:00.000Z'],
  ['lúc 10 giờ 32 phút ngày 16/5/2019', '2019-05-16T03:32:00.000Z'],
  ['10h32 ngày 16/5/2019', '2019-05-16T03:32:00.000Z'],
  ['16/05/2019 10:32 CH', '2019-05-16T15:32:00.000Z'],
  ['16/05/19 10:32', '2019-05-16T03:32:00.000Z'],
  ['10:32 16/2', '2024-02-16T03:32:00.000Z'],
  ['10:32 16/5', '2023-05-16T03:32:00.000Z'],
  // relative to NOW
  ['2 giờ trước', '2024-03-01T01:00:00.000Z'],
  ['30 phút trước', '2024-03-01T02:30:00.000Z'],
  ['3 ngày trước', '2024-02-27T03:00:00.000Z'],
  ['1 tuần trước', '2024-02-23T03:00:00.000Z'],
  ['2 tháng trước', '2024-01-01T03:00:00.000Z'],
  ['hôm qua', '2024-02-29T03:00:00.000Z'],
  ['Hôm qua lúc 21:15', '2024-02-29T14:15:00.000Z'],
  ['hôm nay, 08:15', '2024-03-01T01:15:00.000Z'],
  ['vừa xong', '2024-03-01T03:00:00.000Z'],
  ['5 hours ago', '2024-02-29T22:00:00.000Z'],
  ['yesterday', '2024-02-29T03:00:00.000Z'],
  // rejects
  ['', null],
  ['không rõ', null],
  ['31/02/2019', null],
  ['16/13/2019', null],
  ['Thu, 16 Foo 2019 10:00:00 +0700', null],
  ['25:61 16/05/2019', '2019-05-15T17:00:00.000Z'],
]

describe('parseDate', () => {
  for (const [input, expected] of TABLE) {
    it(`${JSON.stringify(input)} → ${expected}`, () => {
      assert.equal(parseDate(input, { now: NOW })?.toISOString() ?? null, expected)
    })
  }

  it('uses another default zone, DST included', () => {
    assert.equal(
      parseDateIso('2019-07-01 12:00', { defaultZone: 'Europe/Paris' }),
      '2019-07-01T10:00:00.000Z',
    )
    assert.equal(
      parseDateIso('2019-01-01 12:00', { defaultZone: 'Europe/Paris' }),
      '2019-01-01T11:00:00.000Z',
    )
    assert.equal(parseDateIso('Tue, 5 Mar 2019 10:00:00', { defaultZone: 'UTC' }), '2019-03-05T10:00:00.000Z')
  })

  it('falls back to chrono for phrases the regexes do not cover', () => {
    const d = parseDate('March 5th 2019 at 10am', { now: NOW, defaultZone: 'UTC' })
    assert.equal(d?.toISOString(), '2019-03-05T10:00:00.000Z')
  })

  it('does not depend on the process time zone', () => {
    assert.equal(new Date('2019-05-16T10:32:36+07:00').getTime(), parseDate('16/05/2019 10:32:36')?.getTime())
  })
})

describe('offsetMinutes', () => {
  const cases: [string, number | null][] = [
    ['+0700', 420],
    ['+07:00', 420],
    ['GMT+7', 420],
    ['UTC-05:30', -330],
    ['Z', 0],
    ['ICT', 420],
    ['XYZ', null],
    ['+2500', null],
  ]
  for (const [input, expected] of cases) it(input, () => assert.equal(offsetMinutes(input), expected))
})
