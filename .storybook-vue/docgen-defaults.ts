import type { VueRenderer } from '@storybook/vue3-vite'
import type { ArgTypesEnhancer } from 'storybook/internal/types'

// vue-component-meta reports a runtime `default: undefined` as the default "undefined". A prop that
// documents its effective default in JSDoc (`@default 'en'`) shows that instead; any other is left
// without a default, as the React tables show an optional prop.

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
    if (summary !== 'undefined') continue
    const fromJsDoc = documented.get(name)
    const { defaultValue: _undefined, ...table } = argType.table ?? {}
    argTypes[name] = {
      ...argType,
      table: fromJsDoc === undefined ? table : { ...table, defaultValue: { summary: fromJsDoc } },
    }
  }
  return argTypes
}
