import { type FormEvent, useRef, useState } from 'react'
import { Button, FieldError, Form, Input, Label, Text, TextField } from 'react-aria-components'
import { useIntl } from 'react-intl'
import { useActing } from '../../acting/acting'
import { api } from '../../api/client'
import { useT } from '../../i18n/use-t'
import { addDays } from '../../time/local-day'
import type { KnownPlace } from './default-place'
import { formatKm } from './distance'
import { PlaceField, type PlaceInput } from './place-field'
import { RADIUS_CHOICES, readTypedPosition, type SeatSearch } from './seat-search'
import { type LocationState, useMyLocation } from './use-my-location'

/**
 * The question: which exam (when the address does not say), near where (a
 * place, a position, or the browser's when asked), which days on the
 * candidate's clock, how far and at which provider.
 */
export function SearchForm(props: {
  readonly search: SeatSearch
  /** The providers that deliver the exam, when it is known. */
  readonly providers: readonly { readonly id: string; readonly name: string }[]
  readonly onSearch: (search: SeatSearch) => void
  /** Today on the candidate's clock, to offer the week ahead a day at a time; null for none. */
  readonly dayChoices?: string | null
}) {
  const t = useT()
  const intl = useIntl()
  const { search } = props
  // Staff acting for a candidate search near the candidate's place: the agent's own position is no use.
  const acting = useActing()
  const [radius, setRadius] = useState(search.radiusKm === null ? '' : String(search.radiusKm))
  const [provider, setProvider] = useState(search.provider)
  const form = useRef<HTMLFormElement>(null)
  const [place, setPlace] = useState<PlaceInput>(() => ({
    text: search.place || search.near,
    chosen: search.near === '' ? null : { name: search.place, near: search.near },
  }))
  const [placeError, setPlaceError] = useState<string | null>(null)
  const [rangeError, setRangeError] = useState<string | null>(null)
  const location = useMyLocation((near) => {
    setPlace({ text: near, chosen: { name: '', near } })
    setPlaceError(null)
    // Searched at once when the rest of the form is ready; otherwise the place waits in its field.
    if (form.current?.checkValidity()) send(form.current, { name: '', near })
  })

  /** Shows the search the form holds, near `where`; a fault in the days is shown at its field instead. */
  function send(element: HTMLFormElement, where: KnownPlace, day?: string) {
    const data = new FormData(element)
    const field = (name: string) => String(data.get(name) ?? '').trim()
    const from = day ?? field('from')
    const to = day ?? field('to')
    if (to < from) {
      setRangeError(t('seats.toBeforeFrom'))
      return
    }
    setRangeError(null)
    props.onSearch({
      ...search,
      exam: search.exam === '' ? field('exam') : search.exam,
      near: where.near,
      place: where.name,
      from,
      to,
      radiusKm: radius === '' ? null : Number(radius),
      provider,
    })
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const element = event.currentTarget
    const where = await readPlace(place)
    if (where === null) return
    setPlaceError(null)
    send(element, where)
  }

  /** The search for that one day, the rest of the form as it stands. */
  async function searchDay(day: string) {
    const element = form.current
    if (element === null || !element.reportValidity()) return
    const where = await readPlace(place)
    if (where === null) return
    setPlaceError(null)
    send(element, where, day)
  }

  /** The place typed: the one chosen, a position, or the best match of the name typed. */
  async function readPlace(input: PlaceInput): Promise<KnownPlace | null> {
    if (input.chosen !== null) return input.chosen
    const text = input.text.trim()
    if (text === '') {
      setPlaceError(t('seats.placeMissing'))
      return null
    }
    const position = readTypedPosition(text)
    if (position !== null) return { name: '', near: position }
    try {
      const { data } = await api.GET('/v1/places', { params: { query: { q: text, limit: 1 } } })
      const found = data?.items[0]
      if (found !== undefined) {
        setPlace({ text: found.name, chosen: { name: found.name, near: nearOf(found) } })
        return { name: found.name, near: nearOf(found) }
      }
      setPlaceError(t('seats.placeUnknown', { place: text }))
    } catch {
      setPlaceError(t('problem.network'))
    }
    return null
  }

  return (
    <Form ref={form} onSubmit={submit} className="seat-search card">
      {search.exam === '' && (
        <TextField name="exam" isRequired className="field exam-field">
          <Label>{t('seats.exam')}</Label>
          <Input autoComplete="off" />
          <Text slot="description" className="secondary">
            {t('seats.examHelp')}
          </Text>
          <FieldError className="field-error" />
        </TextField>
      )}
      <div className="place-row">
        <PlaceField value={place} onChange={setPlace} errorMessage={placeError} />
        {acting.forCandidate === null && (
          <Button className="button quiet" onPress={location.ask}>
            {t('seats.useMyLocation')}
          </Button>
        )}
      </div>
      {acting.forCandidate === null && <LocationMessage status={location.state.status} />}
      <div className="row search-days">
        <TextField name="from" type="date" defaultValue={search.from} isRequired className="field">
          <Label>{t('seats.from')}</Label>
          <Input />
        </TextField>
        <TextField
          name="to"
          type="date"
          defaultValue={search.to}
          isRequired
          className="field"
          isInvalid={rangeError !== null}
        >
          <Label>{t('seats.to')}</Label>
          <Input />
          <FieldError className="field-error">{rangeError}</FieldError>
        </TextField>
        <div className="field">
          <label htmlFor="seat-radius">{t('seats.radius')}</label>
          <select
            id="seat-radius"
            value={radius}
            onChange={(event) => setRadius(event.target.value)}
          >
            {RADIUS_CHOICES.map((km) => (
              <option key={km ?? 'any'} value={km ?? ''}>
                {km === null
                  ? t('seats.radiusAny')
                  : t('seats.radiusKm', { distance: formatKm(intl.locale, km) })}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="seat-provider">{t('seats.provider')}</label>
          <select
            id="seat-provider"
            value={provider}
            onChange={(event) => setProvider(event.target.value)}
          >
            <option value="">{t('seats.providerAny')}</option>
            {props.providers.map((provider) => (
              <option key={provider.id} value={provider.id}>
                {provider.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="row">
        <Button type="submit" className="button primary">
          {t('seats.search')}
        </Button>
      </div>
      {props.dayChoices != null && (
        <DayChoices
          today={props.dayChoices}
          chosen={search.from === search.to ? search.from : null}
          onChoose={searchDay}
        />
      )}
    </Form>
  )
}

/** The week ahead, a button a day ("Friday 11 September"): a day a caller names is one press away. */
function DayChoices(props: {
  readonly today: string
  readonly chosen: string | null
  onChoose(day: string): void
}) {
  const t = useT()
  const intl = useIntl()
  const days = Array.from({ length: 7 }, (_, index) => addDays(props.today, index))
  const label = new Intl.DateTimeFormat(intl.locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  })
  return (
    <fieldset className="day-choices">
      <legend>{t('seats.oneDay')}</legend>
      <div className="row">
        {days.map((day) => (
          <Button
            key={day}
            className="button quiet"
            aria-pressed={props.chosen === day}
            onPress={() => props.onChoose(day)}
          >
            {label.format(new Date(`${day}T00:00:00Z`))}
          </Button>
        ))}
      </div>
    </fieldset>
  )
}

function nearOf(place: { latitude: number; longitude: number }): string {
  return `${place.latitude},${place.longitude}`
}

/** Why the browser's position did not come, in words, with what to do instead. */
function LocationMessage({ status }: { status: LocationState['status'] }) {
  const t = useT()
  if (status === 'asking')
    return (
      <p role="status" className="secondary">
        {t('seats.location.asking')}
      </p>
    )
  if (status === 'refused' || status === 'unavailable' || status === 'unsupported')
    return (
      <p role="alert" className="attention">
        {t(`seats.location.${status}`)}
      </p>
    )
  return null
}
