/** Who this page is: the reference server in development mode takes it from the query. */
export interface PageUser {
  readonly id: string
  readonly name: string
}

/** `?user=ada&name=Ada Lovelace`; a guest without them. */
export function pageUserFrom(params: URLSearchParams): PageUser {
  const id = params.get('user')?.trim() || 'guest'
  return { id, name: params.get('name')?.trim() || id }
}
