import assert from 'node:assert/strict'
import { test } from 'node:test'
import { renderChart } from './render-chart.js'

test('renders a CSP-safe SVG with Vietnamese labels', () => {
  const svg = renderChart(
    {
      title: { text: 'Số bài theo ngày' },
      xAxis: { type: 'category', data: ['01/11', '02/11', '03/11'] },
      yAxis: { type: 'value' },
      series: [{ type: 'bar', name: 'Tích cực', data: [3, 5, 2] }],
    },
    { width: 600, height: 300 },
  )
  assert.match(svg, /^<svg/)
  assert.match(svg, /Số bài theo ngày/)
  assert.doesNotMatch(svg, /style=/)
  assert.doesNotMatch(svg, /<style/)
  assert.doesNotMatch(svg, /<script/)
  assert.match(svg, /font-size="18px"/)
})

test('labels from data are escaped inside the SVG', () => {
  const svg = renderChart(
    { xAxis: { type: 'category', data: ['<script>alert(1)</script>', 'a"b'] }, yAxis: { type: 'value' }, series: [{ type: 'bar', data: [1, 2] }] },
    { width: 400, height: 200 },
  )
  assert.doesNotMatch(svg, /<script>/)
  assert.match(svg, /&lt;script&gt;/)
})
