/**
 * Spike detection on synthetic daily series: time to judge 10,000 series × 90 days, and the
 * false-alarm rate on series without spikes against the detection rate on injected spikes, beside
 * the named baseline "count > 2 × trailing 28-day mean" in the same run. Plus peak memory.
 * Run: node --import tsx bench/spikes.ts
 */
import { type DayCount, detectSpike } from '../src/monitor/spikes/detect-spike.js'
import { type SeriesSpec, seededRandom, syntheticSeries } from '../src/monitor/spikes/synthetic-series.js'

const SERIES = Number(process.env.BENCH_SERIES ?? 10_000)
const DAYS = 90
/** days judged for the false-alarm rate: every day with a full 28-day window before it */
const FIRST_JUDGED = 28
/** an injected spike adds twice the day's normal level (so the day is ~3×), and never fewer than 3 */
const SPIKE_FACTOR = 2
const MIN_SPIKE = 3

const WEEKLY = [0.5, 1.6, 1.1, 1, 1, 1, 0.6]
/** The mix of series an office watches: quiet communes to busy national topics, some weekly, all bursty. */
const CLASSES: { name: string; spec: Omit<SeriesSpec, 'days'> }[] = [
  { name: 'sparse 0.2/day', spec: { mean: 0.2 } },
  { name: 'sparse 0.7/day bursty', spec: { mean: 0.7, dispersion: 0.3 } },
  { name: 'mid 5/day weekly', spec: { mean: 5, dispersion: 0.15, weekly: WEEKLY } },
  { name: 'dense 40/day weekly', spec: { mean: 40, dispersion: 0.08, weekly: WEEKLY } },
  { name: 'dense 300/day', spec: { mean: 300, dispersion: 0.04 } },
]

const cpuMs = () => {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1000
}

/** The named baseline: today's count above twice the trailing 28-day mean. */
function naive(series: readonly DayCount[], i: number): boolean {
  let sum = 0
  for (let k = i - 28; k < i; k++) sum += series[k]!.count
  return series[i]!.count > (2 * sum) / 28
}

interface Tally {
  days: number
  alerts: number
  watches: number
  naive: number
  spikes: number
  found: number
  naiveFound: number
}

function main() {
  const rand = seededRandom(2026)
  const perClass = CLASSES.map(
    () => ({ days: 0, alerts: 0, watches: 0, naive: 0, spikes: 0, found: 0, naiveFound: 0 }) as Tally,
  )
  const all: { cls: number; series: DayCount[] }[] = []
  for (let s = 0; s < SERIES; s++) {
    const cls = s % CLASSES.length
    all.push({ cls, series: syntheticSeries({ days: DAYS, ...CLASSES[cls]!.spec }, rand) })
  }

  // speed: judge the last day of every series (what one monitoring pass does), best of 3
  let lastDayMs = Number.POSITIVE_INFINITY
  for (let pass = 0; pass < 3; pass++) {
    const t0 = cpuMs()
    for (const { series } of all) detectSpike(series)
    lastDayMs = Math.min(lastDayMs, cpuMs() - t0)
  }
  let naiveMs = Number.POSITIVE_INFINITY
  for (let pass = 0; pass < 3; pass++) {
    const t0 = cpuMs()
    for (const { series } of all) naive(series, DAYS - 1)
    naiveMs = Math.min(naiveMs, cpuMs() - t0)
  }

  // false alarms: every judged day of every series (no spikes were injected)
  const t0 = cpuMs()
  for (const { cls, series } of all) {
    const t = perClass[cls]!
    for (let i = FIRST_JUDGED; i < DAYS; i++) {
      const r = detectSpike(series, { day: series[i]!.day })
      t.days++
      if (r.level === 'alert') t.alerts++
      if (r.level === 'watch') t.watches++
      if (naive(series, i)) t.naive++
    }
  }
  const scanMs = cpuMs() - t0

  // detection: the last day of each series gets a spike on top of its normal level
  for (const { cls, series } of all) {
    const t = perClass[cls]!
    const spec = CLASSES[cls]!.spec
    const weekday = new Date(`${series[DAYS - 1]!.day}T00:00:00Z`).getUTCDay()
    const level = spec.mean * (spec.weekly?.[weekday] ?? 1)
    const spiked = series.map((p) => ({ ...p }))
    spiked[DAYS - 1]!.count += Math.max(MIN_SPIKE, Math.round(SPIKE_FACTOR * level))
    t.spikes++
    if (detectSpike(spiked).level === 'alert') t.found++
    if (naive(spiked, DAYS - 1)) t.naiveFound++
  }
  report(perClass, { lastDayMs, naiveMs, scanMs })
}

const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(2)}%`

function report(perClass: Tally[], time: { lastDayMs: number; naiveMs: number; scanMs: number }) {
  const judged = perClass.reduce((a, t) => a + t.days, 0)
  console.log(`spike detection, ${SERIES} series × ${DAYS} days (CPU time, this process)`)
  console.log(
    `  last day of every series: ${time.lastDayMs.toFixed(0)} ms (${((time.lastDayMs * 1000) / SERIES).toFixed(1)} µs/series); naive: ${time.naiveMs.toFixed(1)} ms`,
  )
  console.log(`  every day of every series (${judged} judgements): ${(time.scanMs / 1000).toFixed(1)} s`)
  console.log('')
  console.log(
    'class                      false alarms/day: alert  watch  | naive   | spikes found: alert  | naive',
  )
  const tot: Tally = { days: 0, alerts: 0, watches: 0, naive: 0, spikes: 0, found: 0, naiveFound: 0 }
  perClass.forEach((t, i) => {
    for (const k of Object.keys(tot) as (keyof Tally)[]) tot[k] += t[k]
    line(CLASSES[i]!.name, t)
  })
  line('all', tot)
  console.log('')
  console.log(
    `ratio (naive / detector): false alarms ${(tot.naive / Math.max(1, tot.alerts)).toFixed(1)}×, detection ${(tot.naiveFound / tot.found).toFixed(2)}×`,
  )
  console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`)
}

function line(name: string, t: Tally) {
  console.log(
    `${name.padEnd(26)} ${pct(t.alerts, t.days).padStart(20)} ${pct(t.watches, t.days).padStart(7)}  | ${pct(t.naive, t.days).padStart(7)} | ${pct(t.found, t.spikes).padStart(19)}  | ${pct(t.naiveFound, t.spikes).padStart(7)}`,
  )
}

main()
