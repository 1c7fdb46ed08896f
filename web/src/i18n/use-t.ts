import { useIntl } from 'react-intl'
import type { MessageId } from './messages/en'

type Values = Record<string, string | number | Date>

/** `t('home.title')`: a message of the reader's language, checked against the English catalogue's ids. */
export function useT(): (id: MessageId, values?: Values) => string {
  const intl = useIntl()
  return (id, values) => intl.formatMessage({ id }, values)
}
