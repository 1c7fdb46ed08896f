import type { ReactNode } from 'react'
import { FormattedMessage } from 'react-intl'
import type { MessageId } from '../../../i18n/messages/en'

/** A message with parts that are elements (a time with its zone named), its id checked against the catalogue. */
export function Say({
  id,
  values,
}: {
  id: MessageId
  values: Record<string, ReactNode | string | number>
}) {
  return <FormattedMessage id={id} values={values} />
}
