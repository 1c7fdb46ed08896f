import { numberFormat } from '../../i18n/formatters'

/** A distance in kilometres, in the reader's language: `1.2 km`, `1,2 km`. */
export function formatKm(locale: string, km: number): string {
  return numberFormat(locale, {
    style: 'unit',
    unit: 'kilometer',
    maximumFractionDigits: km < 10 ? 1 : 0,
  }).format(km)
}
