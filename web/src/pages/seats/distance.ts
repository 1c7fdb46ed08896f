/** A distance in kilometres, in the reader's language: `1.2 km`, `1,2 km`. */
export function formatKm(locale: string, km: number): string {
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: 'kilometer',
    maximumFractionDigits: km < 10 ? 1 : 0,
  }).format(km)
}
