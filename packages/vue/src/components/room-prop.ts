import { checkRoomProp } from '@presence-kit/core/ui'
import { computed, watch, type ComputedRef } from 'vue'
import { reportInDevelopment } from '../composables/report.js'

/**
 * A component's `room` prop, or undefined when it is not a non-blank string: the component then
 * renders an empty state, and the bad value is reported once per change in development.
 */
export function useRoomProp(read: () => unknown, component: string): ComputedRef<string | undefined> {
  const checked = computed(() => {
    const value = read()
    return { value, error: value === undefined ? undefined : checkRoomProp(value, component) }
  })
  watch(
    checked,
    ({ error }) => {
      if (error !== undefined) reportInDevelopment(error)
    },
    { immediate: true },
  )
  return computed(() => {
    const { value, error } = checked.value
    return error === undefined && typeof value === 'string' ? value : undefined
  })
}
