import * as echarts from 'echarts'

export interface ChartSize {
  width: number
  height: number
}

/** Vietnamese day labels are long: never let ECharts drop every other one. */
const AXIS_LABEL = { interval: 0, hideOverlap: false, fontSize: 11 }

/**
 * Renders an ECharts option to an SVG string on the server (no browser, no script). The SVG is made
 * fit for a strict CSP: `style` attributes become presentation attributes and the hover-only
 * `<style>` block is dropped, so it can sit inline in the page.
 */
export function renderChart(option: echarts.EChartsOption, size: ChartSize): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height })
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: 'system-ui, sans-serif' }, ...option })
    return cspSafeSvg(chart.renderToSVGString())
  } finally {
    chart.dispose()
  }
}

const STYLE_ATTR = /\sstyle="([^"]*)"/g
const STYLE_BLOCK = /<style[\s\S]*?<\/style>/g
const PROPERTY = /^[a-z-]+$/

export function cspSafeSvg(svg: string): string {
  return svg.replace(STYLE_BLOCK, '').replace(STYLE_ATTR, (_m, decl: string) =>
    decl
      .split(';')
      .map((d) => d.split(':').map((x) => x.trim()))
      .filter(([k, v]) => k && v && PROPERTY.test(k))
      .map(([k, v]) => ` ${k}="${v!.replace(/"/g, '&quot;')}"`)
      .join(''),
  )
}

export { AXIS_LABEL }
