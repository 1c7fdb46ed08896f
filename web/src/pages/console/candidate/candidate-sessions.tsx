import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { api } from '../../../api/client'
import { useT } from '../../../i18n/use-t'
import { ConfirmDialog } from '../../../ui/confirm-dialog'

/**
 * Signing the candidate out everywhere, for a caller who lost a device or
 * fears someone else is signed in as them: asked first, since it cannot be
 * undone, and said after how many sessions it ended.
 */
export function CandidateSessions({ candidateId }: { candidateId: string }) {
  const t = useT()
  const queries = useQueryClient()
  const [ended, setEnded] = useState<number | null>(null)
  return (
    <section aria-labelledby="cc-sessions" className="page-section">
      <h2 id="cc-sessions">{t('console.candidate.sessions')}</h2>
      <p>{t('console.candidate.sessions.intro')}</p>
      <ConfirmDialog
        trigger={t('console.candidate.sessions.end')}
        title={t('console.candidate.sessions.title')}
        body={t('console.candidate.sessions.body')}
        keep={t('console.candidate.sessions.keep')}
        confirm={t('console.candidate.sessions.confirm')}
        onConfirm={async () => {
          const { data } = await api.POST('/v1/candidates/{id}/sessions/end', {
            params: { path: { id: candidateId } },
          })
          setEnded(data?.ended ?? 0)
        }}
        onConfirmed={() => queries.invalidateQueries()}
      />
      {ended !== null && (
        <p role="status" className="good">
          {t('console.candidate.sessions.ended', { count: ended })}
        </p>
      )}
    </section>
  )
}
