import { $api } from './client'

/**
 * Providers as a person knows them: a record that names its provider by id
 * (`pearson-vue`) is shown with the catalogue's name for it (Pearson VUE).
 * The id stands in for a provider the catalogue does not list, or while it
 * could not be read.
 */
export function useProviderNames(): { readonly isPending: boolean; name(id: string): string } {
  const query = $api.useQuery('get', '/v1/providers')
  const names = new Map(query.data?.items.map((provider) => [provider.id, provider.name]))
  return { isPending: query.isPending, name: (id) => names.get(id) ?? id }
}
