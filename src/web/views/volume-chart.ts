import { AXIS_LABEL, renderChart } from '../../report/charts/render-chart.js'

/** `2026-11-05` → `05/11`: how Vietnamese readers write a day. */
const dayLabel = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}`

/**
 * Articles per day as a server-rendered SVG bar chart (no script; CSP-safe, see renderChart). Typed as
 * markup: ECharts escapes every label it draws.
 */
export function volumeChart(days: { day: string; n: number }[]): JSX.Element {
  const every = days.length <= 16 ? 0 : Math.ceil(days.length / 16) - 1
  return renderChart(
    {
      grid: { left: 40, right: 10, top: 15, bottom: 45 },
      xAxis: {
        type: 'category',
        data: days.map((d) => dayLabel(d.day)),
        axisLabel: { ...AXIS_LABEL, interval: every, rotate: days.length > 10 ? 45 : 0 },
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', data: days.map((d) => d.n), itemStyle: { color: '#0b5cad' } }],
    },
    { width: 640, height: 240 },
  )
}
