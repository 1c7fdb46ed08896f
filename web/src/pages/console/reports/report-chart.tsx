import { BarChart, LineChart } from 'echarts/charts'
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import { init, use } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import { useEffect, useRef } from 'react'
import type { ChartSpec } from './chart-spec'

use([
  BarChart,
  LineChart,
  AriaComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  SVGRenderer,
])

/**
 * A report's chart, drawn by ECharts as SVG with its `aria` description;
 * its own chunk, fetched by the reports page alone. `name` says each
 * series, `format` each value, in the reader's language.
 */
export function ReportChart(props: {
  readonly spec: ChartSpec
  readonly description: string
  readonly name: (key: string) => string
  readonly format: (value: number) => string
}) {
  const element = useRef<HTMLDivElement>(null)
  const { spec, description, name, format } = props
  useEffect(() => {
    if (element.current === null) return
    const chart = init(element.current, null, { renderer: 'svg' })
    chart.setOption({
      aria: { enabled: true, label: { description } },
      animation: false,
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: unknown) => (typeof v === 'number' ? format(v) : ''),
      },
      legend: { top: 0 },
      grid: { left: 8, right: 16, bottom: 8, top: 48, containLabel: true },
      xAxis: { type: 'category', data: [...spec.categories] },
      yAxis: {
        type: 'value',
        ...(spec.percent ? { max: 1 } : { minInterval: 1 }),
        axisLabel: { formatter: (v: number) => format(v) },
      },
      series: spec.series.map((s) => ({
        type: spec.kind,
        name: name(s.key),
        data: [...s.values],
        ...(s.stack ? { stack: 'all' } : {}),
      })),
    })
    const resize = () => chart.resize()
    window.addEventListener('resize', resize)
    return () => {
      window.removeEventListener('resize', resize)
      chart.dispose()
    }
  }, [spec, description, name, format])
  return <div ref={element} className="report-chart" />
}
