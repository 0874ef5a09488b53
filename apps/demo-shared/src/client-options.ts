import type { PresenceClientOptions, PresenceData } from '@presence-kit/core'
import { avatarUrl } from './avatars.js'
import type { DemoProfile } from './profile.js'
import type { DemoSettings } from './settings.js'

type DemoClientOptions = Omit<PresenceClientOptions, 'adapter'>

/**
 * The client options the address asks for. Pairs the core would refuse (away before idle, a typing
 * TTL shorter than the throttle) fall back to the defaults instead of breaking the page.
 */
export function demoClientOptions(
  settings: DemoSettings,
  profile: DemoProfile,
  pageUrl: string,
): DemoClientOptions {
  const { idleAfterMs, awayAfterMs, typingTtlMs, typingThrottleMs } = settings
  const keepAway = awayAfterMs !== undefined && (idleAfterMs ?? 60_000) <= awayAfterMs
  const keepIdle = idleAfterMs !== undefined && idleAfterMs <= (awayAfterMs ?? 300_000)
  const keepTtl = typingTtlMs !== undefined && typingTtlMs > (typingThrottleMs ?? 2_000)
  const keepThrottle = typingThrottleMs !== undefined && (typingTtlMs ?? 6_000) > typingThrottleMs
  const picture = avatarUrl(profile.avatar, pageUrl)
  return {
    user: {
      id: profile.userId,
      name: profile.name,
      ...(picture === undefined ? {} : { avatarUrl: picture }),
    },
    ...(keepIdle ? { idleAfterMs } : {}),
    ...(keepAway ? { awayAfterMs } : {}),
    ...(settings.leaveGraceMs === undefined ? {} : { leaveGraceMs: settings.leaveGraceMs }),
    ...(settings.activityRefreshMs === undefined ? {} : { activityRefreshMs: settings.activityRefreshMs }),
    typing: {
      ...(keepTtl ? { ttlMs: typingTtlMs } : {}),
      ...(keepThrottle ? { throttleMs: typingThrottleMs } : {}),
      ...(settings.typingAutoStopMs === undefined ? {} : { autoStopMs: settings.typingAutoStopMs }),
    },
  }
}

/** The presence data the demo enters rooms with: name and picture travel with the user. */
export function profilePresence(profile: DemoProfile, pageUrl: string): PresenceData {
  const picture = avatarUrl(profile.avatar, pageUrl)
  return picture === undefined ? { name: profile.name } : { name: profile.name, avatarUrl: picture }
}
