import type { FormEvent } from 'react'
import { Button, Form, Input, Label, Text, TextField } from 'react-aria-components'
import { Link, useSearchParams } from 'react-router'
import { $api } from '../../api/client'
import type { MessageId } from '../../i18n/messages/en'
import { useT } from '../../i18n/use-t'
import { QuerySection } from '../../ui/query-section'

const PAGE = 20

/**
 * Support's one box: whatever the caller reads out finds them. The words
 * typed stay in the address, so that a reload or the back button keeps the
 * list, and a colleague can be sent the same search.
 */
export function CandidateSearch() {
  const t = useT()
  const [params, setParams] = useSearchParams()
  const q = params.get('q')?.trim() ?? ''
  const limit = Number(params.get('shown') ?? PAGE)

  function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const typed = String(new FormData(event.currentTarget).get('q')).trim()
    setParams(typed === '' ? {} : { q: typed })
  }

  return (
    <>
      <section aria-labelledby="console-search" className="page-section">
        <h2 id="console-search">{t('console.search.title')}</h2>
        <Form onSubmit={search} role="search" className="row candidate-search">
          {/* Keyed by the search, so that the back button puts its words back in the box. */}
          <TextField key={q} name="q" defaultValue={q} isRequired className="field wide">
            <Label>{t('console.search.label')}</Label>
            <Input autoComplete="off" spellCheck={false} />
            <Text slot="description" className="secondary">
              {t('console.search.help')}
            </Text>
          </TextField>
          <Button type="submit" className="button">
            {t('console.search.submit')}
          </Button>
        </Form>
      </section>
      {q !== '' && (
        <Found q={q} limit={Number.isInteger(limit) && limit > 0 ? Math.min(limit, 200) : PAGE} />
      )}
    </>
  )
}

function Found({ q, limit }: { q: string; limit: number }) {
  const t = useT()
  const [, setParams] = useSearchParams()
  const found = $api.useQuery('get', '/v1/candidates', { params: { query: { q, limit } } })
  const items = found.data?.items ?? []
  return (
    <QuerySection
      id="console-found"
      title={t('console.search.results', { q })}
      query={found}
      empty={
        found.data !== undefined && items.length === 0 ? t('console.search.none', { q }) : null
      }
    >
      {items.length > 0 && (
        <div className="data-table-wrap">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('console.search.name')}</th>
                <th scope="col">{t('console.search.email')}</th>
                <th scope="col">{t('console.search.country')}</th>
                <th scope="col">{t('console.search.matchedBy')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((candidate) => (
                <tr key={candidate.id}>
                  <th scope="row">
                    <Link to={`/console/candidates/${encodeURIComponent(candidate.id)}`}>
                      {candidate.firstName} {candidate.lastName}
                    </Link>
                    <span className="secondary block">{candidate.id}</span>
                  </th>
                  <td>{candidate.email}</td>
                  <td>{candidate.country}</td>
                  <td>{t(`console.match.${candidate.matchedBy}` as MessageId)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {found.data?.hasMore === true && (
        <Button
          className="button quiet"
          onPress={() => setParams({ q, shown: String(limit + PAGE) })}
        >
          {t('console.search.more')}
        </Button>
      )}
    </QuerySection>
  )
}
