import * as ui from '@presence-kit/core/ui'

/** What a props table's Default column shows: the value, and where it comes from as its detail. */
export interface TableDefault {
  readonly summary: string
  readonly detail?: string
}

/** A default as the source writes it: a string quoted, a number or boolean bare. */
export function formatDefaultValue(value: string | number | boolean): string {
  return typeof value === 'string' ? `'${value.replaceAll("'", "\\'")}'` : String(value)
}

/**
 * A default written as a public `@presence-kit/core/ui` constant (`DEFAULT_STALE_TEXT`, or with its
 * value after it, `DEFAULT_AVATAR_STACK_MAX (5)`) shows the constant's value, its name as the
 * detail: a reader sees what the prop does without looking the name up. Anything else is as
 * written.
 */
export function readableDefault(written: string): TableDefault {
  const name = /^([A-Z][A-Z0-9_]*)(?:\s+\(.*\))?$/su.exec(written.trim())?.[1]
  const value: unknown = name === undefined ? undefined : (ui as Record<string, unknown>)[name]
  return name !== undefined && (typeof value === 'string' || typeof value === 'number')
    ? { summary: formatDefaultValue(value), detail: name }
    : { summary: written.trim() }
}
