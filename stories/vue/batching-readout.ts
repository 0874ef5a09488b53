import { defineComponent, h, onBeforeUnmount, onMounted, shallowRef, type PropType } from 'vue'
import {
  BATCHING_TITLE,
  batchingReadoutStyle,
  formatBatching,
  type BatchingMeter,
} from '../shared/batching-meter.ts'

/** "1,240 events → 31 updates", live: how much the core batches what the crowd sends. */
export const BatchingReadout = defineComponent({
  name: 'BatchingReadout',
  props: { meter: { type: Object as PropType<BatchingMeter>, required: true } },
  setup(props) {
    const counts = shallowRef(props.meter.read())
    let stop: (() => void) | undefined
    onMounted(() => {
      stop = props.meter.subscribe(() => (counts.value = props.meter.read()))
    })
    onBeforeUnmount(() => stop?.())
    return () =>
      h(
        'span',
        {
          'data-testid': 'batching-readout',
          'data-events': counts.value.events,
          'data-updates': counts.value.updates,
          title: BATCHING_TITLE,
          style: batchingReadoutStyle,
        },
        formatBatching(counts.value),
      )
  },
})
