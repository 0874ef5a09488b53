import { defineComponent, type VNodeChild } from 'vue'

/** A test component from a setup function that returns its render function. */
export function component(setup: () => () => VNodeChild) {
  return defineComponent({ setup })
}

/** A component that runs composables and renders nothing; `expose` hands their results to the test. */
export function probe<T>(setup: () => T, expose: (value: T) => void) {
  return defineComponent({
    setup() {
      expose(setup())
      return () => null
    },
  })
}
