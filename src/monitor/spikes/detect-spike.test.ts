import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { addDays } from './day-math.js'
import { type DayCount, detectSpike, type SpikeLevel, type SpikeReason } from './detect-spike.js'
import { seededRandom, syntheticSeries } from './synthetic-series.js'

/** `values` on consecutive days from 2026-02-02 (a Monday). */
const days = (values: readonly number[], start = '2026-02-02'): DayCount[] =>
  values.map((count, i) => ({ day: addDays(start, i), count }))

/** 28 days averaging 0.2 mentions a day (6 in four weeks), then `today`. */
const sparse = (today: number) =>
  days([...[0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1], ...[0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0], today])
const zeros = (today: number) => days([...new Array<number>(28).fill(0), today])

describe('detectSpike', () => {
  const cases: { name: string; series: DayCount[]; level: SpikeLevel; reason: SpikeReason }[] = [
    {
      name: 'sparse: 3 mentions on a 0.2/day baseline alert',
      series: sparse(3),
      level: 'alert',
      reason: 'spike',
    },
    {
      name: 'sparse: 1 mention on a 0.2/day baseline does not',
      series: sparse(1),
      level: 'none',
      reason: 'below_min_count',
    },
    {
      name: 'never mentioned: 2 mentions are worth watching',
      series: zeros(2),
      level: 'watch',
      reason: 'elevated',
    },
    { name: 'never mentioned: 3 mentions alert', series: zeros(3), level: 'alert', reason: 'spike' },
    {
      name: 'quiet day on a dense series',
      series: days([...new Array<number>(28).fill(100).map((v, i) => v + ((i * 37) % 21) - 10), 104]),
      level: 'none',
      reason: 'low_lift',
    },
    {
      name: 'dense series doubling',
      series: days([...new Array<number>(28).fill(100).map((v, i) => v + ((i * 37) % 21) - 10), 230]),
      level: 'alert',
      reason: 'spike',
    },
    {
      name: 'three days of history are not a baseline',
      series: days([0, 1, 0, 9]),
      level: 'none',
      reason: 'insufficient_history',
    },
  ]
  for (const c of cases) {
    test(c.name, () => {
      const r = detectSpike(c.series)
      assert.equal(r.level, c.level, JSON.stringify(r))
      assert.equal(r.reason, c.reason, JSON.stringify(r))
      assert.equal(r.isSpike, c.level === 'alert')
      assert.equal(r.day, c.series.at(-1)!.day)
    })
  }

  test('sparse: 2 mentions on a 0.2/day baseline never alert', () => {
    assert.notEqual(detectSpike(sparse(2)).level, 'alert')
  })

  test('result carries observed, expected and a score that is −log10 p', () => {
    const r = detectSpike(sparse(3))
    assert.equal(r.observed, 3)
    assert.ok(r.expected > 0.15 && r.expected < 0.3, String(r.expected))
    assert.ok(Math.abs(r.score + Math.log10(r.pValue)) < 1e-9)
    assert.equal(r.baselineDays, 28)
  })

  test('missing days count as zero; days before firstDay are unknown', () => {
    const gaps: DayCount[] = [
      { day: '2026-02-01', count: 0 },
      { day: '2026-02-10', count: 1 },
      { day: '2026-03-01', count: 4 },
    ]
    const r = detectSpike(gaps)
    assert.equal(r.baselineDays, 28)
    assert.equal(r.level, 'alert')
    const short = detectSpike(gaps, { firstDay: '2026-02-25' })
    assert.equal(short.baselineDays, 4)
    assert.equal(short.reason, 'insufficient_history')
  })

  test('judges a chosen day and ignores later days', () => {
    const s = days([...new Array<number>(28).fill(1), 12, 0, 0])
    assert.equal(detectSpike(s, { day: '2026-03-02' }).level, 'alert')
    assert.equal(detectSpike(s).level, 'none')
  })

  test('weekly rhythm: a busy Monday is no alarm, a busier-than-Monday Tuesday is', () => {
    // weekdays 20, Mondays 60, weekends 5: four weeks, then the fifth Monday
    const week = [60, 20, 20, 20, 20, 5, 5]
    const base = Array.from({ length: 28 }, (_, i) => week[i % 7]! + ((i * 13) % 5) - 2)
    const monday = detectSpike(days([...base, 62]))
    assert.equal(monday.level, 'none', JSON.stringify(monday))
    assert.ok(monday.expected > 45, String(monday.expected))
    const tuesday = detectSpike(days([...base, 60, 62]))
    assert.equal(tuesday.level, 'alert', JSON.stringify(tuesday))
  })

  test('no false alarm every Monday on seeded weekly series', () => {
    const rand = seededRandom(11)
    let alarms = 0
    let alerts = 0
    let naive = 0
    let mondays = 0
    for (let s = 0; s < 200; s++) {
      // 2026-01-05 is a Monday: index 0 is Monday
      const series = syntheticSeries(
        { days: 63, mean: 25, weekly: [0.3, 3, 1, 1, 1, 1, 0.4], dispersion: 0.05, start: '2026-01-04' },
        rand,
      )
      for (let d = 35; d < 63; d += 7) {
        mondays++
        const upTo = series.slice(0, d + 2)
        const level = detectSpike(upTo).level
        if (level !== 'none') alarms++
        if (level === 'alert') alerts++
        const trailing = upTo.slice(-29, -1).reduce((a, p) => a + p.count, 0) / 28
        if (upTo.at(-1)!.count > 2 * trailing) naive++
      }
    }
    assert.equal(new Date('2026-01-05T00:00:00Z').getUTCDay(), 1)
    // watch is set at p ≤ 2 %, alert at 0.5 %: Mondays must not alarm more than any ordinary day
    assert.ok(alerts / mondays < 0.01, `${alerts} of ${mondays} Mondays alerted`)
    assert.ok(alarms / mondays < 0.025, `${alarms} of ${mondays} Mondays alarmed`)
    // the naive "twice the trailing mean" rule fires on most Mondays
    assert.ok(naive / mondays > 0.5, `naive fired on ${naive} of ${mondays}`)
  })

  test('a real-looking spike on a sparse locality is found, the days around it are not', () => {
    // a commune mentioned 0–3 times a day, then a flood in a Tuesday's news
    const history = [0, 1, 0, 0, 2, 0, 0, 1, 0, 3, 0, 0, 1, 0, 0, 0, 1, 0, 0, 2, 1, 0, 0, 1, 0, 0, 0, 1]
    const s = days([...history, 11, 4])
    const spike = detectSpike(s, { day: addDays('2026-02-02', 28) })
    assert.equal(spike.level, 'alert')
    assert.ok(spike.score > 5, String(spike.score))
    const before = detectSpike(s, { day: addDays('2026-02-02', 27) })
    assert.equal(before.level, 'none')
  })

  test('named thresholds can be tightened per call', () => {
    assert.equal(detectSpike(sparse(3), { minAlertCount: 4 }).level, 'watch')
    assert.equal(detectSpike(sparse(3), { minLift: 20 }).level, 'none')
  })
})
