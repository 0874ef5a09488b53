import * as ui from '@presence-kit/core/ui'
import type { VueRenderer } from '@storybook/vue3-vite'
import type { ArgTypesEnhancer } from 'storybook/internal/types'

// vue-component-meta reports a runtime `default: undefined` as the default "undefined". A prop that
// documents its effective default in JSDoc (`@default 'en'`) shows that instead; any other is left
// without a default, as the React tables show an optional prop. A default that is the name of a
// constant of `@presence-kit/core/ui` shows its value, as the React tables do; and the JSDoc
// `@default` tag, which the docgen also prepends to the description, is left to the default column.

/** `DEFAULT_AVATAR_STACK_MAX` → `5`: the value of a core/ui constant named as a default. */
function constantValue(summary: string | undefined): string | undefined {
  if (summary === undefined || !/^[A-Z][A-Z0-9_]*$/u.test(summary)) return undefined
  const value: unknown = (ui as Record<string, unknown>)[summary]
  return typeof value === 'string' || typeof value === 'number' ? JSON.stringify(value) : undefined
}

/** The description without the `@default: …` line the docgen puts before it. */
function withoutDefaultTag(description: string | undefined): string | undefined {
  return description?.replace(/^@default:[^\n]*\n+/u, '')
}

interface DocgenProp {
  readonly name: string
  readonly tags?: readonly { readonly name: string; readonly text?: string }[]
}

function documentedDefaults(component: unknown): Map<string, string> {
  // The name Storybook's docgen plugins give the props they read.
  // oxlint-disable-next-line no-underscore-dangle
  const info = (component as { __docgenInfo?: { props?: readonly DocgenProp[] } } | undefined)?.__docgenInfo
  const defaults = new Map<string, string>()
  for (const prop of info?.props ?? []) {
    const tag = prop.tags?.find((candidate) => candidate.name === 'default')
    if (tag?.text !== undefined && tag.text.trim() !== '') defaults.set(prop.name, tag.text.trim())
  }
  return defaults
}

export const docgenDefaults: ArgTypesEnhancer<VueRenderer> = (context) => {
  const documented = documentedDefaults(context.component)
  const argTypes = { ...context.argTypes }
  for (const [name, argType] of Object.entries(argTypes)) {
    const summary = argType.table?.defaultValue?.summary
    const description = withoutDefaultTag(argType.description)
    const described = description === undefined ? {} : { description }
    const value = constantValue(summary)
    if (value !== undefined || description !== argType.description) {
      argTypes[name] = {
        ...argType,
        ...described,
        table: {
          ...argType.table,
          ...(value === undefined ? {} : { defaultValue: { summary: value, detail: summary } }),
        },
      }
    }
    if (summary !== 'undefined') continue
    const fromJsDoc = documented.get(name)
    const { defaultValue: _undefined, ...table } = argType.table ?? {}
    argTypes[name] = {
      ...argType,
      ...described,
      table: fromJsDoc === undefined ? table : { ...table, defaultValue: { summary: fromJsDoc } },
    }
  }
  return argTypes
}
