import type { Dispatch, SetStateAction } from 'react'
import {
  ComboBox,
  FieldError,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Text,
} from 'react-aria-components'
import { useIntl } from 'react-intl'
import { $api } from '../../api/client'
import { regionNames } from '../../i18n/formatters'
import { useT } from '../../i18n/use-t'
import type { KnownPlace } from './default-place'
import { readTypedPosition } from './seat-search'

/** What the place field holds: the text typed, and the place it names once one is chosen. */
export interface PlaceInput {
  readonly text: string
  readonly chosen: KnownPlace | null
}

interface Suggestion extends KnownPlace {
  readonly id: string
  readonly label: string
}

/**
 * Where to search from: a city with test centres, suggested from the API as
 * it is typed, or a position typed as `latitude,longitude`.
 */
export function PlaceField(props: {
  readonly value: PlaceInput
  readonly onChange: Dispatch<SetStateAction<PlaceInput>>
  readonly errorMessage: string | null
}) {
  const t = useT()
  const intl = useIntl()
  const { text, chosen } = props.value
  const asking = chosen === null && text.trim() !== '' && readTypedPosition(text) === null
  const places = $api.useQuery(
    'get',
    '/v1/places',
    { params: { query: { q: text.trim() || '-', limit: 8 } } },
    { enabled: asking, placeholderData: (previous) => previous },
  )
  const countries = regionNames(intl.locale)
  const suggestions: Suggestion[] = asking
    ? (places.data?.items ?? []).map((place) => ({
        id: `${place.country} ${place.name}`,
        name: place.name,
        near: `${place.latitude},${place.longitude}`,
        label: `${place.name}, ${countries.of(place.country) ?? place.country}`,
      }))
    : []

  return (
    <ComboBox
      className="field"
      items={suggestions}
      inputValue={text}
      allowsCustomValue
      // The list opens as a name is typed, before its suggestions come, and says when there are none.
      allowsEmptyCollection={asking}
      menuTrigger="input"
      isInvalid={props.errorMessage !== null}
      // The text a choice puts in the field keeps the choice; any other text drops it.
      onInputChange={(typed) =>
        props.onChange((previous) => ({
          text: typed,
          chosen: typed === previous.text ? previous.chosen : null,
        }))
      }
      onSelectionChange={(key) => {
        const place = suggestions.find((suggestion) => suggestion.id === key)
        if (place !== undefined)
          props.onChange({ text: place.label, chosen: { name: place.name, near: place.near } })
      }}
    >
      <Label>{t('seats.place')}</Label>
      <Input autoComplete="off" />
      <Text slot="description" className="secondary">
        {t('seats.placeHelp')}
      </Text>
      <FieldError className="field-error">{props.errorMessage}</FieldError>
      <Popover className="popover">
        <ListBox
          className="listbox"
          renderEmptyState={() => (
            <p className="listbox-empty">
              {t(places.isFetching ? 'seats.placeLooking' : 'seats.placeNone')}
            </p>
          )}
        >
          {(suggestion: Suggestion) => (
            <ListBoxItem id={suggestion.id} textValue={suggestion.label} className="listbox-item">
              {suggestion.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  )
}
