import { type FormEvent, lazy, Suspense, useCallback, useMemo } from 'react'
import { useIntl } from 'react-intl'
import { useSearchParams } from 'react-router'
import { REPORT_NAMES } from '../../../../../src/domain/report'
import { $api } from '../../../api/client'
import { useProviderNames } from '../../../api/provider-names'
import type { Me } from '../../../api/session'
import type { MessageId } from '../../../i18n/messages/en'
import { useT } from '../../../i18n/use-t'
import { usePageTitle } from '../../../ui/page-title'
import { QuerySection } from '../../../ui/query-section'
import { NotFoundPage } from '../../not-found'
import { computeChartSpec, type Row } from './chart-spec'

// ECharts is fetched with this page's chart only, never with the rest of the app.
const ReportChart = lazy(() => import('./report-chart').then((m) => ({ default: m.ReportChart })))

type ReportName = (typeof REPORT_NAMES)[number]
/** Ids shown by name in the same row: kept in the CSV, left out of the page's table. */
const HIDDEN = new Set(['centreId', 'waveId'])
const TRANSLATED = new Set(['reason', 'outcome'])

/**
 * The programme's reports for an admin: a report, a period and a provider
 * chosen (kept in the address), its chart beside the table of its figures,
 * and the same figures as a CSV file.
 */
export function ReportsPage({ me }: { me: Me }) {
  const t = useT()
  usePageTitle(t('console.reports.title'))
  const [params, setParams] = useSearchParams()
  const providers = $api.useQuery('get', '/v1/providers')
  if (me.account.role !== 'admin') return <NotFoundPage />
  const asked = params.get('report')
  const report: ReportName = REPORT_NAMES.includes(asked as ReportName)
    ? (asked as ReportName)
    : 'registrations'
  const from = params.get('from') ?? ''
  const to = params.get('to') ?? ''
  const provider = params.get('provider') ?? ''

  function show(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const next: Record<string, string> = {}
    for (const key of ['report', 'from', 'to', 'provider']) {
      const value = String(form.get(key) ?? '')
      if (value !== '') next[key] = value
    }
    setParams(next)
  }

  return (
    <>
      <h1>{t('console.reports.title')}</h1>
      {/* Made again once the providers are known, so that the one in the address is chosen. */}
      <form
        onSubmit={show}
        className="row report-form"
        key={`${params.toString()}:${providers.data === undefined ? 0 : 1}`}
      >
        <div className="field">
          <label htmlFor="report-choice">{t('console.reports.choose')}</label>
          <select id="report-choice" name="report" defaultValue={report}>
            {REPORT_NAMES.map((name) => (
              <option key={name} value={name}>
                {t(`console.reports.name.${name}` as MessageId)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="report-from">{t('console.reports.from')}</label>
          <input id="report-from" type="date" name="from" defaultValue={from} />
        </div>
        <div className="field">
          <label htmlFor="report-to">{t('console.reports.to')}</label>
          <input id="report-to" type="date" name="to" defaultValue={to} />
        </div>
        <div className="field">
          <label htmlFor="report-provider">{t('console.reports.provider')}</label>
          <select id="report-provider" name="provider" defaultValue={provider}>
            <option value="">{t('console.reports.allProviders')}</option>
            {providers.data?.items.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {t('console.reports.show')}
        </button>
      </form>
      <Report report={report} from={from} to={to} provider={provider} />
    </>
  )
}

function Report(props: { report: ReportName; from: string; to: string; provider: string }) {
  const t = useT()
  const intl = useIntl()
  const names = useProviderNames()
  const query = {
    ...(props.from === '' ? {} : { from: props.from }),
    ...(props.to === '' ? {} : { to: props.to }),
    ...(props.provider === '' ? {} : { provider: props.provider }),
  }
  const answer = $api.useQuery('get', '/v1/reports/{report}', {
    params: { path: { report: props.report }, query },
  })
  const data = typeof answer.data === 'object' ? answer.data : undefined
  const title = t(`console.reports.name.${props.report}` as MessageId)

  const text = useCallback(
    (key: string, value: string) =>
      key === 'provider'
        ? names.name(value)
        : TRANSLATED.has(key)
          ? t(`console.reports.value.${value}` as MessageId)
          : value,
    [names, t],
  )
  const label = useCallback(
    (row: Row): string => {
      switch (props.report) {
        case 'codes':
          return `${row.offerName} v${row.version}`
        case 'waves':
          return `${row.exam} ${row.wave}`
        case 'exception-requests':
          return `${text('reason', String(row.reason))} · ${text('outcome', String(row.outcome))}`
        case 'no-shows':
          return String(row.centre)
        default:
          return String(row.exam)
      }
    },
    [props.report, text],
  )
  const spec = useMemo(
    () => (data === undefined ? null : computeChartSpec(props.report, data.rows, label)),
    [data, props.report, label],
  )
  const format = useCallback(
    (value: number) =>
      spec?.percent === true
        ? intl.formatNumber(value, { style: 'percent', maximumFractionDigits: 1 })
        : intl.formatNumber(value, { maximumFractionDigits: 1 }),
    [intl, spec],
  )
  const seriesName = useCallback(
    (key: string) =>
      t(
        (key === 'fillAll' ? 'console.reports.fillAll' : `console.reports.col.${key}`) as MessageId,
      ),
    [t],
  )

  function cell(kind: string, key: string, value: string | number | null): string {
    if (value === null) return '—'
    if (typeof value === 'string')
      return kind === 'day'
        ? intl.formatDate(Date.parse(`${value}T00:00:00Z`), {
            timeZone: 'UTC',
            dateStyle: 'medium',
          })
        : text(key, value)
    if (kind === 'ratio')
      return intl.formatNumber(value, { style: 'percent', maximumFractionDigits: 1 })
    return intl.formatNumber(value, { maximumFractionDigits: 1 })
  }

  const columns = data?.columns.filter((c) => !HIDDEN.has(c.key)) ?? []
  const csv = `/v1/reports/${props.report}?${new URLSearchParams({ ...query, format: 'csv' })}`
  return (
    <QuerySection
      id="report"
      title={title}
      query={answer}
      empty={data !== undefined && data.rows.length === 0 ? t('console.reports.empty') : null}
    >
      {data !== undefined && (
        <>
          <p className="secondary">{t('console.reports.intro', { zone: data.timeZone })}</p>
          <p>
            <a href={csv} download>
              {t('console.reports.csv')}
            </a>{' '}
            <span className="secondary">
              {t('console.reports.csvNote', { report: title, from: data.from, to: data.to })}
            </span>
          </p>
        </>
      )}
      {data !== undefined && data.rows.length > 0 && spec !== null && (
        <div className="report-grid">
          <figure className="report-figure">
            <figcaption className="secondary">{t('console.reports.chart')}</figcaption>
            <Suspense fallback={<p>{t('common.loading')}</p>}>
              <ReportChart
                spec={spec}
                description={t('console.reports.chartDescription', {
                  report: title,
                  from: data.from,
                  to: data.to,
                  series: spec.series.map((s) => seriesName(s.key)).join(', '),
                })}
                name={seriesName}
                format={format}
              />
            </Suspense>
          </figure>
          {/* Scrolled by keyboard too: it takes the focus, named by the table it holds. */}
          <section
            className="data-table-wrap report-table"
            aria-label={t('console.reports.table')}
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1)
            tabIndex={0}
          >
            <table className="data-table">
              <caption className="secondary">{t('console.reports.table')}</caption>
              <thead>
                <tr>
                  {columns.map((c) => (
                    <th
                      key={c.key}
                      scope="col"
                      className={c.kind === 'text' || c.kind === 'day' ? undefined : 'number'}
                    >
                      {t(`console.reports.col.${c.key}` as MessageId)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {data.rows.map((row, r) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id of their own; their order is the answer's
                  <tr key={r}>
                    {columns.map((c, k) => {
                      const value = cell(c.kind, c.key, row[c.key] ?? null)
                      const numeric = c.kind !== 'text' && c.kind !== 'day'
                      return k === 0 ? (
                        <th key={c.key} scope="row" className={numeric ? 'number' : undefined}>
                          {value}
                        </th>
                      ) : (
                        <td key={c.key} className={numeric ? 'number' : undefined}>
                          {value}
                        </td>
                      )
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </div>
      )}
    </QuerySection>
  )
}
