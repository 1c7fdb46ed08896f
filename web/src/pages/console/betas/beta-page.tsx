import { useState } from 'react'
import { Link, useParams } from 'react-router'
import { $api, api } from '../../../api/client'
import type { Me } from '../../../api/session'
import { useT } from '../../../i18n/use-t'
import { usePageTitle } from '../../../ui/page-title'
import { ProblemMessage } from '../../../ui/problem-message'
import { QuerySection } from '../../../ui/query-section'
import { ComposeWave } from './compose-wave'
import { ProgrammeFacts } from './programme-facts'
import { ProgrammeForm } from './programme-form'
import { ReleaseResults } from './release-results'
import { RosterForm } from './roster-form'
import type { SelfCheck } from './self-check-result'
import { type CheckState, WaveCard } from './wave-card'

/** How often the waves' counts are read again while the page is open: mail goes out and bookings come in. */
const COUNTS_EVERY_MS = 5_000

/**
 * One beta exam run from programme to released results: its facts and
 * their change, its roster, its waves (composed, checked, opened, sent,
 * paused, resumed, withdrawn, with their live counts and priority clocks),
 * and the release of its results with the rewards it issues. Support reads
 * the same page without the changes.
 */
export function BetaPage({ me }: { me: Me }) {
  const t = useT()
  const exam = useParams().exam ?? ''
  usePageTitle(t('console.beta.title', { exam }))
  const admin = me.account.role === 'admin'
  const beta = $api.useQuery('get', '/v1/beta-programmes/{number}', {
    params: { path: { number: exam } },
  })
  const waves = $api.useQuery(
    'get',
    '/v1/exams/{number}/beta-programme/waves',
    { params: { path: { number: exam } } },
    { refetchInterval: COUNTS_EVERY_MS },
  )
  const [checks, setChecks] = useState<Readonly<Record<string, CheckState>>>({})
  const [checkError, setCheckError] = useState<unknown>(null)

  const setCheck = (waveId: string, state: CheckState) =>
    setChecks((current) => ({ ...current, [waveId]: state }))

  async function runCheck(waveId: string) {
    setCheckError(null)
    setCheck(waveId, { running: true })
    try {
      const { data } = await api.POST('/v1/waves/{id}/self-check', {
        params: { path: { id: waveId } },
      })
      if (data !== undefined) setCheck(waveId, { running: false, report: data })
    } catch (problem) {
      setChecks(({ [waveId]: _gone, ...rest }) => rest)
      setCheckError(problem)
    }
  }

  const data = beta.data
  const shownExam = data?.exam ?? exam
  return (
    <>
      <p>
        <Link to="/console/betas">{t('console.beta.back')}</Link>
      </p>
      <h1>
        {t('console.beta.title', { exam: shownExam })}
        {data !== undefined && <span className="secondary block beta-title">{data.title}</span>}
      </h1>
      <QuerySection id="beta-facts" title={t('console.beta.facts')} query={beta} empty={null}>
        {data !== undefined && <ProgrammeFacts beta={data} />}
        {!admin && <p className="secondary">{t('console.betas.readOnly')}</p>}
      </QuerySection>
      {data !== undefined && (
        <>
          <ReleaseResults beta={data} admin={admin} />
          <QuerySection
            id="beta-waves"
            title={t('console.waves.title')}
            query={waves}
            empty={
              waves.data?.items.length === 0
                ? t(admin ? 'console.waves.none' : 'console.waves.noneRead')
                : null
            }
          >
            {(waves.data?.items.length ?? 0) > 0 && (
              <p className="secondary">{t('console.waves.live')}</p>
            )}
            {checkError !== null && <ProblemMessage error={checkError} />}
            <ul className="cards">
              {(waves.data?.items ?? []).map((wave) => (
                <WaveCard
                  key={wave.id}
                  wave={wave}
                  admin={admin}
                  check={checks[wave.id]}
                  onCheck={() => runCheck(wave.id)}
                  onChecked={(report: SelfCheck) => setCheck(wave.id, { running: false, report })}
                />
              ))}
            </ul>
          </QuerySection>
          {admin && (
            <div className="beta-admin">
              <ComposeWave exam={data.exam} onComposed={(wave) => void runCheck(wave.id)} />
              <RosterForm exam={data.exam} />
              <ProgrammeForm beta={data} />
            </div>
          )}
        </>
      )}
    </>
  )
}
