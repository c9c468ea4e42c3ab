import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { addDays, dayKeyOf, dayNumber, weekdayOf } from './day-math.js'

describe('day arithmetic', () => {
  test('day numbers agree with Date.UTC over leap years and centuries', () => {
    for (const day of ['1970-01-01', '2000-02-29', '2024-02-29', '2026-03-01', '2100-03-01', '1900-02-28']) {
      assert.equal(
        dayNumber(day),
        Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8))) / 86_400_000,
      )
      assert.equal(dayKeyOf(dayNumber(day)), day)
    }
    assert.throws(() => dayNumber('1/3/2026'), RangeError)
  })

  test('weekdays and adding days', () => {
    assert.equal(weekdayOf(dayNumber('2026-03-02')), 1)
    assert.equal(weekdayOf(dayNumber('1969-12-28')), 0)
    assert.equal(addDays('2026-02-28', 1), '2026-03-01')
    assert.equal(addDays('2024-03-01', -1), '2024-02-29')
  })
})
