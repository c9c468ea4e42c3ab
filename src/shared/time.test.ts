import assert from 'node:assert/strict'
import { test } from 'node:test'
import { formatDate, formatDateTime, fromVnWallClock, vnDayKey } from './time.js'

test('formats instants in Asia/Ho_Chi_Minh whatever the process TZ', () => {
  const d = new Date('2019-05-16T03:32:36Z')
  assert.equal(formatDateTime(d), '16/05/2019 10:32')
  assert.equal(formatDate(d), '16/05/2019')
  assert.equal(vnDayKey(new Date('2019-05-16T17:30:00Z')), '2019-05-17')
})

test('VN wall clock round-trips', () => {
  const d = fromVnWallClock(2019, 3, 13, 7, 5)
  assert.equal(d.toISOString(), '2019-03-13T00:05:00.000Z')
  assert.equal(formatDateTime(d), '13/03/2019 07:05')
})
