import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { findVnDate, parseDateValue } from './vn-date.js'

const iso = (s: string) => findVnDate(s)?.date.toISOString() ?? null

describe('findVnDate', () => {
  it('reads Vietnamese datelines as +07:00 wall-clock time', () => {
    assert.equal(iso('Ngày 16/05/2019 10:32:36'), '2019-05-16T03:32:36.000Z')
    assert.equal(iso('16/05/2019 - 10:32'), '2019-05-16T03:32:00.000Z')
    assert.equal(iso('Cập nhật lúc 08:15 ngày 01/03/2024'), '2024-03-01T01:15:00.000Z')
    assert.equal(iso('10h32 ngày 16-5-2019'), '2019-05-16T03:32:00.000Z')
    assert.equal(iso('ngày 5 tháng 3 năm 2019'), '2019-03-04T17:00:00.000Z')
  })

  it('honours an explicit GMT offset', () => {
    assert.equal(iso('Thứ Tư, 28/2/2024, 21:38 (GMT+7)'), '2024-02-28T14:38:00.000Z')
    assert.equal(iso('28/2/2024 21:38 GMT+9'), '2024-02-28T12:38:00.000Z')
  })

  it('is day-first and rejects impossible dates', () => {
    assert.equal(iso('05/06/2019'), '2019-06-04T17:00:00.000Z')
    assert.equal(iso('31/02/2019'), null)
    assert.equal(iso('không có ngày'), null)
  })

  it('reports whether a time was found and where the date sits', () => {
    const f = findVnDate('Đăng lúc 08:15 ngày 01/03/2024 bởi PV')!
    assert.equal(f.hasTime, true)
    assert.equal('Đăng lúc 08:15 ngày 01/03/2024 bởi PV'.slice(f.start, f.end), '08:15 ngày 01/03/2024')
    assert.equal(findVnDate('01/03/2024')!.hasTime, false)
  })
})

describe('parseDateValue', () => {
  it('reads ISO with and without zone, and RFC 2822', () => {
    assert.equal(parseDateValue('2019-05-16T10:32:36+07:00'), '2019-05-16T03:32:36.000Z')
    assert.equal(parseDateValue('2019-05-16T10:32:36'), '2019-05-16T03:32:36.000Z')
    assert.equal(parseDateValue('2024-03-05T06:30:00Z'), '2024-03-05T06:30:00.000Z')
    assert.equal(parseDateValue('Tue, 05 Mar 2019 10:00:00 GMT'), '2019-03-05T10:00:00.000Z')
    assert.equal(parseDateValue('soon'), null)
    assert.equal(parseDateValue(undefined), null)
  })
})
