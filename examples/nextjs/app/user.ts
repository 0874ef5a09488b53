/** Who this page is: the reference server in development mode takes it from the query. */
export interface PageUser {
  readonly id: string
  readonly name: string
}

type SearchParams = Readonly<Record<string, string | string[] | undefined>>

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)

/** `?user=ada&name=Ada Lovelace`; a guest without them. */
export function userFrom(params: SearchParams): PageUser {
  const id = first(params.user)?.trim() || 'guest'
  return { id, name: first(params.name)?.trim() || id }
}
