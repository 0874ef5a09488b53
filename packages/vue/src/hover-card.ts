// The member hover card, an opt-in entry: an app that wants it puts it in a stack's or a list's
// `#card` slot (`<MemberHoverCard v-bind="host" />`), and one that does not never loads it.
export { MemberHoverCard } from './components/hover-card.js'
export type { MemberCardHost } from './components/member-card-host.js'
