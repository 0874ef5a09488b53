import type { ReactRenderer } from '@storybook/react-vite'
import type { ArgTypesEnhancer, StrictArgTypes } from 'storybook/internal/types'
import { readableDefault } from './prop-default.ts'

// react-docgen-typescript's defaults are the JSDoc `@default` texts, which Storybook shows as JSON
// strings: `"'md'"`, `"DEFAULT_STALE_TEXT"`, `"the runtime's"`. This enhancer shows them as the Vue
// tables do: the text as written, and a public core/ui constant as its value with its name as the
// detail.

/** `"'md'"` → `'md'`: the text inside a JSON string, or the summary as it is. */
function unquoted(summary: string): string {
  if (!summary.startsWith('"') || !summary.endsWith('"')) return summary
  try {
    const text: unknown = JSON.parse(summary)
    return typeof text === 'string' ? text : summary
  } catch {
    return summary
  }
}

export const reactPropsTable: ArgTypesEnhancer<ReactRenderer> = (context) => {
  const table: StrictArgTypes = {}
  for (const [name, argType] of Object.entries(context.argTypes)) {
    const summary = argType.table?.defaultValue?.summary
    table[name] =
      summary === undefined
        ? argType
        : { ...argType, table: { ...argType.table, defaultValue: readableDefault(unquoted(summary)) } }
  }
  return table
}
