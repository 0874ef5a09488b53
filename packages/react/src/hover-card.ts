// The member hover card, an opt-in entry: an app that wants it passes it to a stack or a list
// (`card={(host) => <MemberHoverCard {...host} />}`), and one that does not never loads it.
export { MemberHoverCard, type MemberHoverCardProps } from './components/hover-card/hover-card.js'
export type { MemberCardHost, RenderMemberCard } from './components/shared/member-card-host.js'
