import assert from 'node:assert/strict'
import { test } from 'node:test'
import { memoChartRenderer } from './dashboard-charts.js'

test('a chart whose option is unchanged is not drawn again', () => {
  let draws = 0
  const draw = memoChartRenderer((o) => `<svg>${++draws}${JSON.stringify(o)}</svg>`)
  const size = { width: 10, height: 10 }
  const a = draw({ series: [{ type: 'bar', data: [1, 2] }] }, size)
  assert.equal(draw({ series: [{ type: 'bar', data: [1, 2] }] }, size), a)
  assert.notEqual(draw({ series: [{ type: 'bar', data: [1, 3] }] }, size), a)
  assert.notEqual(draw({ series: [{ type: 'bar', data: [1, 2] }] }, { width: 20, height: 10 }), a)
  assert.equal(draws, 3)
})
