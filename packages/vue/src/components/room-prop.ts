import { checkRoomProp } from '@presence-kit/core/ui'
import { computed, toValue, watch, type ComputedRef, type MaybeRefOrGetter } from 'vue'
import { reportInDevelopment } from '../composables/report.js'

/**
 * A component's `room` prop, or undefined when it is not a non-blank string: the component then
 * renders nothing, and the bad value is reported in development. With `required` false (the prop
 * is not the one in use), an absent room is no error. `component` is only ever part of the
 * development message, so components name themselves under the same development check.
 */
export function useRoomProp(
  read: () => unknown,
  component: string,
  required: MaybeRefOrGetter<boolean> = true,
): ComputedRef<string | undefined> {
  const checked = computed(() => {
    const value = read()
    const error = toValue(required) || value !== undefined ? checkRoomProp(value, component) : undefined
    return { value, error }
  })
  // Nothing is reported in production, so nothing needs watching there.
  if (process.env.NODE_ENV !== 'production') {
    watch(
      checked,
      ({ error }) => {
        if (error !== undefined) reportInDevelopment(error)
      },
      { immediate: true },
    )
  }
  return computed(() => {
    const { value, error } = checked.value
    return error === undefined && typeof value === 'string' ? value : undefined
  })
}
