import { describe, expect, it } from 'vitest'
import { markPureCalls } from './pure-annotations.ts'

describe('markPureCalls', () => {
  it('marks module-level component, context and collection calls', () => {
    const code = [
      'const AvatarStack = defineComponent({',
      '\tname: "AvatarStack"',
      '});',
      'const Row = memo(function Row() {});',
      'const Context = createContext(null);',
      'const KNOWN = new Set(STATUSES);',
      'const key = Symbol("client");',
    ].join('\n')
    expect(markPureCalls(code)).toBe(
      [
        'const AvatarStack = /* @__PURE__ */ defineComponent({',
        '\tname: "AvatarStack"',
        '});',
        'const Row = /* @__PURE__ */ memo(function Row() {});',
        'const Context = /* @__PURE__ */ createContext(null);',
        'const KNOWN = /* @__PURE__ */ new Set(STATUSES);',
        'const key = /* @__PURE__ */ Symbol("client");',
      ].join('\n'),
    )
  })

  it('marks freezing a literal written in place, never freezing an object made elsewhere', () => {
    expect(
      markPureCalls('const EMPTY = Object.freeze({});\nconst LIST = Object.freeze(\n\t[1].map(f)\n);'),
    ).toBe(
      'const EMPTY = /* @__PURE__ */ Object.freeze({});\nconst LIST = /* @__PURE__ */ Object.freeze(\n\t[1].map(f)\n);',
    )
    expect(markPureCalls('const shared = Object.freeze(imported);')).toBe(
      'const shared = Object.freeze(imported);',
    )
  })

  it('leaves nested calls, other calls and calls already marked alone', () => {
    const code = [
      'function make() {',
      '\tconst inner = defineComponent({});',
      '}',
      'const started = start();',
      'const madeBy = /* @__PURE__ */ new WeakMap();',
      'sideEffect(memo(x));',
    ].join('\n')
    expect(markPureCalls(code)).toBe(code)
  })
})
