import type { VueRenderer } from '@storybook/vue3-vite'
import type { ArgTypesEnhancer, StrictArgTypes, StrictInputType } from 'storybook/internal/types'
import { formatDefaultValue, readableDefault, type TableDefault } from '../.storybook/prop-default.ts'

// The Vue props tables, made to read like the React ones. vue-component-meta, through Storybook's
// Vue renderer, gives every prop whose runtime default is `undefined` the default "undefined", a
// default written as a constant the text of its name (`DEFAULT_ROW_HEIGHT`, a private detail),
// descriptions that start with "@default: …<br><br>", props in no particular order, and events
// and slots typed as argument tuples (`[_member: RegisteredMember]`). This enhancer builds each
// row again from the docgen's own fields and the component's runtime props:
// - the description is the JSDoc text alone;
// - the default is the JSDoc `@default` where the effective default is not the runtime one
//   (`@default the runtime's`), else the runtime default's value (40, 'Online', true), else none;
// - a default that names a public `@presence-kit/core/ui` constant shows its value, the name as
//   its detail;
// - props come in the order the component declares them, then events, then slots;
// - the `onX` arg of an event `x` (a story's action) is left to the events section.

interface DocgenTag {
  readonly name: string
  readonly text?: string
}

interface DocgenProp {
  readonly name: string
  readonly global?: boolean
  readonly description?: string
  readonly tags?: readonly DocgenTag[]
  readonly default?: string
}

interface DocgenInfo {
  readonly props?: readonly DocgenProp[]
  readonly events?: readonly { readonly name: string }[]
}

interface DocumentedComponent {
  readonly props?: Readonly<Record<string, unknown>> | readonly string[]
  readonly __docgenInfo?: DocgenInfo
}

/** The runtime default of a prop, when it is a plain value (not a factory, not undefined). */
function runtimeDefault(component: DocumentedComponent, name: string): string | undefined {
  const props = component.props
  if (props === undefined || Array.isArray(props)) return undefined
  const option = (props as Record<string, unknown>)[name]
  if (option === null || typeof option !== 'object' || !('default' in option)) return undefined
  const value: unknown = option.default
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? formatDefaultValue(value)
    : undefined
}

/** What the Default column says of a prop; undefined for none. */
export function propDefault(component: DocumentedComponent, prop: DocgenProp): TableDefault | undefined {
  const documented = prop.tags?.find((tag) => tag.name === 'default')?.text?.trim()
  if (documented) return readableDefault(documented)
  const value = runtimeDefault(component, prop.name)
  if (value === undefined) return undefined
  // The source's own default, when it names a public constant: its name is the detail.
  const named = prop.default === undefined ? undefined : readableDefault(prop.default).detail
  return named === undefined ? { summary: value } : { summary: value, detail: named }
}

/** `[_member: RegisteredMember]` → `(member: RegisteredMember)`: an event's arguments. */
function eventArguments(summary: string): string {
  const inner = summary.replace(/^\[(.*)\]$/su, '$1').replaceAll(/(^|, )_(?=\w)/gu, '$1')
  return `(${inner})`
}

/** `[OnlineListRowSlotProps]` → `OnlineListRowSlotProps`: what a slot receives. */
function slotProps(summary: string): string {
  const inner = summary.replace(/^\[(.*)\]$/su, '$1')
  return inner === 'Record<string, never>' ? '{}' : inner
}

const handlerName = (event: string) => `on${event.charAt(0).toUpperCase()}${event.slice(1)}`

function withType(argType: StrictInputType, summary: (text: string) => string): StrictInputType {
  const text = argType.table?.type?.summary
  return text === undefined
    ? argType
    : { ...argType, table: { ...argType.table, type: { ...argType.table?.type, summary: summary(text) } } }
}

export const vuePropsTable: ArgTypesEnhancer<VueRenderer> = (context) => {
  const component = context.component as DocumentedComponent | undefined
  // The name Storybook's docgen plugins give what they read.
  // oxlint-disable-next-line no-underscore-dangle
  const info = component?.__docgenInfo
  if (component === undefined || info === undefined) return context.argTypes
  const props = new Map(
    (info.props ?? []).filter((prop) => prop.global !== true).map((prop) => [prop.name, prop]),
  )
  const handlers = new Set((info.events ?? []).map((event) => handlerName(event.name)))
  const declared = Array.isArray(component.props) ? component.props : Object.keys(component.props ?? {})
  const names = Object.keys(context.argTypes)
  const ordered = [
    ...declared.filter((name) => names.includes(name)),
    ...names.filter((name) => !declared.includes(name)),
  ]
  const table: StrictArgTypes = {}
  for (const name of ordered) {
    const argType = context.argTypes[name]!
    const category = argType.table?.category
    const prop = props.get(name)
    if (prop !== undefined && category === 'props') {
      // The renderer also puts the default at the top level, where the table reads it when the
      // row's own is missing: both go, and the row gets the one worked out here.
      const { defaultValue: _docgenDefault, ...rest } = argType
      const { defaultValue: _tableDefault, ...row } = argType.table ?? {}
      const defaultValue = propDefault(component, prop)
      table[name] = {
        ...rest,
        description: prop.description ?? '',
        table: defaultValue === undefined ? row : { ...row, defaultValue },
      }
    } else if (category === 'events') {
      table[name] = withType(argType, eventArguments)
    } else if (category === 'slots') {
      table[name] = withType(argType, slotProps)
    } else {
      table[name] = argType
    }
  }
  // A story's action for an event (`onSelect` for `select`) is an arg the table would list as an
  // untyped prop; the event is in its own section. Written here, it is not inferred later.
  for (const handler of handlers) {
    table[handler] = { name: handler, ...context.argTypes[handler], table: { disable: true } }
  }
  return table
}
