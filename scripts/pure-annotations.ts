/**
 * A build plugin that marks the packages' module-level calls as pure (`/* @__PURE__ *\/`), so that
 * every bundler can drop what an app does not import.
 *
 * Each package ships as one bundled file. A bundler keeps a module-level `const X = call(...)` it
 * cannot prove free of side effects, and with it everything that call references: without the
 * mark, importing only `AvatarStack` from the Vue package kept all its components under esbuild.
 * Whether a bundler can tell that `defineComponent` or `memo` is pure depends on whether it sees
 * the framework's own annotations, which it cannot when the framework is external; the mark on the
 * call does not depend on that. Marking the output rather than the sources covers every new
 * component as well.
 *
 * Only calls known to be free of side effects are marked, and only at the start of a line (the
 * bundled output puts module-level declarations there; anything nested is indented):
 * - `defineComponent(`, React's `memo(` and `createContext(`: they build a value and touch nothing;
 * - `new Set(`, `new Map(`, `new WeakMap(`, `new WeakSet(`, `Symbol(`;
 * - `Object.freeze(` of a literal written right there (`{` or `[`): freezing a fresh object is
 *   invisible, freezing one made elsewhere is not, so those stay unmarked.
 */
const PURE_CALL = new RegExp(
  String.raw`^((?:export )?(?:const|let|var) [\w$]+ = )` +
    String.raw`((?:defineComponent|memo|createContext|Symbol)\(|new (?:Set|Map|WeakMap|WeakSet)\(|Object\.freeze\(\s*[[{])`,
  'gm',
)

const MARK = '/* @__PURE__ */ '

/** The same code with every module-level call of the list above marked pure. */
export function markPureCalls(code: string): string {
  return code.replace(
    PURE_CALL,
    (_match, declaration: string, call: string) => `${declaration}${MARK}${call}`,
  )
}

/** The Rolldown plugin (tsdown's `plugins`): marks each output chunk. */
export function pureAnnotations() {
  return {
    name: 'presence-kit:pure-annotations',
    renderChunk(code: string) {
      const marked = markPureCalls(code)
      return marked === code ? null : { code: marked, map: null }
    },
  }
}
