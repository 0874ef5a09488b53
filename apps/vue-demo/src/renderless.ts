import { useLocalActivity, useRoom, type PresenceData } from '@presence-kit/vue'
import { defineComponent, type PropType } from 'vue'

/** Keeps one room joined while it is in the switcher, shown or not. */
export const RoomKeeper = defineComponent({
  name: 'RoomKeeper',
  props: {
    room: { type: String, required: true },
    presence: { type: Object as PropType<PresenceData>, required: true },
  },
  setup(props) {
    useRoom(() => props.room, { initialPresence: () => props.presence })
    return () => null
  },
})

/** Feeds this page's input and visibility into the client: others see you active, idle or away. */
export const LocalActivity = defineComponent({
  name: 'LocalActivity',
  setup() {
    useLocalActivity()
    return () => null
  },
})
