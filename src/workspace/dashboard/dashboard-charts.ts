import type { EChartsOption } from 'echarts'
import { AXIS_LABEL, type ChartSize, renderChart as render } from '../../report/charts/render-chart.js'
import type { DashboardData } from './dashboard-data.js'

export interface ChartLabels {
  t: (key: string, params?: Record<string, string | number>) => string
  topicLabel: (id: string) => string
}

export type ChartRenderer = (option: EChartsOption, size: ChartSize) => string

/** Charts kept by their option: a recount that leaves a chart's numbers as they were draws nothing. */
const MEMO_CHARTS = 64

/**
 * `renderChart` remembering the SVG of the last options drawn (an ECharts drawing costs 20-50 ms;
 * after a new article usually one or two of the four charts change).
 */
export function memoChartRenderer(draw: ChartRenderer = render): ChartRenderer {
  const memo = new Map<string, string>()
  return (option, size) => {
    const key = JSON.stringify([option, size])
    const hit = memo.get(key)
    if (hit !== undefined) return hit
    const svg = draw(option, size)
    memo.set(key, svg)
    if (memo.size > MEMO_CHARTS) memo.delete(memo.keys().next().value!)
    return svg
  }
}

/** At most this many topics get their own line; the rest would make the chart unreadable. */
const MAX_TOPIC_SERIES = 6
const TONE_COLORS = { neg: '#c0392b', neu: '#95a5a6', pos: '#27ae60', none: '#dfe4ea' } as const
const SIZE = { width: 560, height: 260 }

/** `2026-11-05` → `05/11`: how Vietnamese readers write a day. */
const dayLabel = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}`

/** Thin out day labels on long periods: every label is shown up to 16 days, then every nth. */
const labelInterval = (days: number) => (days <= 16 ? 0 : Math.ceil(days / 16) - 1)

function stacked(
  days: string[],
  series: { name: string; color?: string; values: Map<string, number> }[],
  type: 'bar' | 'line',
): EChartsOption {
  return {
    // Long Vietnamese topic names: a scrolling legend under the plot never covers it.
    grid: { left: 40, right: 10, top: 15, bottom: 75 },
    legend: { type: 'scroll', bottom: 0, textStyle: { fontSize: 11 } },
    xAxis: {
      type: 'category',
      data: days.map(dayLabel),
      axisLabel: { ...AXIS_LABEL, interval: labelInterval(days.length), rotate: days.length > 10 ? 45 : 0 },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: series.map((s) => ({
      type,
      name: s.name,
      stack: type === 'bar' ? 'all' : undefined,
      data: days.map((d) => s.values.get(d) ?? 0),
      ...(s.color ? { itemStyle: { color: s.color }, lineStyle: { color: s.color } } : {}),
    })),
  } as EChartsOption
}

function group<T extends { day: string; n: number }>(rows: T[], key: (r: T) => string) {
  const out = new Map<string, Map<string, number>>()
  for (const r of rows) {
    const k = key(r)
    const m = out.get(k) ?? new Map<string, number>()
    m.set(r.day, (m.get(r.day) ?? 0) + r.n)
    out.set(k, m)
  }
  return out
}

/**
 * The dashboard's charts as inline SVG, typed as markup (JSX.Element): ECharts escapes every label
 * it draws, and renderChart strips styles and never emits script.
 */
export function dashboardCharts(
  d: DashboardData,
  days: string[],
  l: ChartLabels,
  renderChart: ChartRenderer = render,
): Record<'tone' | 'topics' | 'kinds' | 'langs', JSX.Element> {
  const tone = group(d.byDayTone, (r) => r.band)
  const toneSeries = (['neg', 'neu', 'pos', 'none'] as const)
    .filter((b) => tone.has(b))
    .map((b) => ({ name: l.t(`tone.${b}`), color: TONE_COLORS[b], values: tone.get(b)! }))
  const topics = group(d.byDayTopic, (r) => r.topic)
  const topTopics = [...topics].sort((a, b) => sum(b[1]) - sum(a[1])).slice(0, MAX_TOPIC_SERIES)
  const kinds = group(d.byDayKind, (r) => r.kind)
  return {
    tone: renderChart(stacked(days, toneSeries, 'bar'), SIZE),
    topics: renderChart(
      stacked(
        days,
        topTopics.map(([id, values]) => ({ name: l.topicLabel(id), values })),
        'line',
      ),
      SIZE,
    ),
    kinds: renderChart(
      stacked(
        days,
        [...kinds].map(([k, values]) => ({ name: l.t(`sources.kind.${k}`), values })),
        'bar',
      ),
      SIZE,
    ),
    langs: renderChart(
      {
        grid: { left: 60, right: 20, top: 10, bottom: 30 },
        xAxis: { type: 'value', minInterval: 1 },
        yAxis: { type: 'category', data: d.byLang.map((x) => x.lang), axisLabel: AXIS_LABEL },
        series: [{ type: 'bar', data: d.byLang.map((x) => x.n), itemStyle: { color: '#0b5cad' } }],
      },
      { width: 360, height: 200 },
    ),
  }
}

const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0)
