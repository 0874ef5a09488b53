import { randomName } from './crowd-names.js'
import type { Random } from './random.js'

const COLORS: readonly string[] = [
  '#e5484d',
  '#f76b15',
  '#ffc53d',
  '#46a758',
  '#12a594',
  '#0090ff',
  '#3e63dd',
  '#8e4ec6',
  '#d6409f',
  '#978365',
]

/**
 * Avatar URLs a UI must not load or will fail to load, so every demo shows the initials fallback:
 * a 404, script and HTML schemes, a protocol-relative URL, garbage and an empty string.
 */
const BROKEN_OR_UNSAFE_AVATARS: readonly string[] = [
  'https://avatars.presence-kit.dev/does-not-exist.png',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  '//avatars.evil.example/1.png',
  'not a url',
  '',
]

/** Share of users without an avatar, and of users with a broken or unsafe one. */
const NO_AVATAR = 0.05
const BAD_AVATAR = 0.05

export interface SimulatedIdentity {
  readonly name: string
  readonly color: string
  readonly avatarUrl: string | undefined
}

/** Who the `n`th simulated user is; draws from `random` in a fixed order so a seed replays. */
export function randomIdentity(
  random: Random,
  n: number,
  names: readonly string[] | undefined,
): SimulatedIdentity {
  const name = randomName(random, names)
  const color = random.pick(COLORS)
  const roll = random.next()
  const avatarUrl =
    roll < NO_AVATAR
      ? undefined
      : roll < NO_AVATAR + BAD_AVATAR
        ? random.pick(BROKEN_OR_UNSAFE_AVATARS)
        : `https://avatars.presence-kit.dev/${n}.png`
  return { name, color, avatarUrl }
}
