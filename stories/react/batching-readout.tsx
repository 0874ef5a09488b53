import { useSyncExternalStore } from 'react'
import {
  BATCHING_TITLE,
  batchingReadoutStyle,
  formatBatching,
  type BatchingMeter,
} from '../shared/batching-meter.ts'

/** "1,240 events → 31 updates", live: how much the core batches what the crowd sends. */
export function BatchingReadout({ meter }: { meter: BatchingMeter }) {
  const counts = useSyncExternalStore(meter.subscribe, meter.read, meter.read)
  return (
    <span
      data-testid="batching-readout"
      data-events={counts.events}
      data-updates={counts.updates}
      title={BATCHING_TITLE}
      style={batchingReadoutStyle}
    >
      {formatBatching(counts)}
    </span>
  )
}
