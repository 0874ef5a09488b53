import axe from 'axe-core'
import { act, cleanup, render } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { ReactElement } from 'react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ActivityDot } from '../../src/components/activity-dot/activity-dot.js'
import { AvatarStack } from '../../src/components/avatar-stack/avatar-stack.js'
import { ConnectionStatus } from '../../src/components/connection-status/connection-status.js'
import { OnlineList } from '../../src/components/online-list/online-list.js'
import { TypingIndicator } from '../../src/components/typing-indicator/typing-indicator.js'
import { setupCrowdRoom } from '../support/crowd-room.js'
import { installLayout } from '../support/layout.js'

let restoreLayout: () => void
let env: ReturnType<typeof setupCrowdRoom>
beforeEach(() => {
  restoreLayout = installLayout()
  env = setupCrowdRoom(0)
  env.addUser(1)
  env.addUser(2, 'idle')
  for (let i = 3; i < 12; i++) env.addUser(i)
})
afterEach(() => {
  cleanup()
  env.destroy()
  restoreLayout()
})

async function violations(ui: ReactElement) {
  const { container } = render(<main>{ui}</main>, { wrapper: env.wrapper })
  env.commit()
  return check(container)
}

async function check(container: Element) {
  // jsdom has no layout or colours, so contrast cannot be computed here; everything else runs.
  const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } })
  return results.violations.map(
    (violation) => `${violation.id}: ${violation.nodes.map((n) => n.html).join(' | ')}`,
  )
}

// axe walks the whole tree several times; on a busy 2-core machine that takes seconds.
describe('axe', { timeout: 30_000 }, () => {
  it('OnlineList, plain, grouped, with an active option, and empty', async () => {
    const user = userEvent.setup()
    expect(await violations(<OnlineList room="lobby" />)).toEqual([])
    await user.tab()
    await user.keyboard('{ArrowDown}{ArrowDown}')
    expect(await check(document.body)).toEqual([])
    cleanup()
    expect(await violations(<OnlineList room="lobby" groupByStatus />)).toEqual([])
    cleanup()
    expect(await violations(<OnlineList room="empty-room" />)).toEqual([])
  })

  it('OnlineList while loading', async () => {
    const { container } = render(<OnlineList room="lobby" />, { wrapper: env.wrapper })
    expect(container.querySelector('[aria-busy="true"]')).not.toBeNull()
    expect(await check(container)).toEqual([])
  })

  it('AvatarStack, closed and open', async () => {
    const user = userEvent.setup()
    expect(await violations(<AvatarStack room="lobby" max={3} />)).toEqual([])
    await act(async () => {
      await user.click(document.querySelector('[data-part="avatar-overflow"]')!)
    })
    expect(await check(document.body)).toEqual([])
  })

  it('TypingIndicator, quiet and with typers', async () => {
    expect(await violations(<TypingIndicator room="lobby" />)).toEqual([])
    act(() => env.hub.typingVirtual('lobby', env.connections[0] ?? 'c-1', true))
    env.commit()
    expect(await check(document.body)).toEqual([])
  })

  it('ActivityDot, by status and by user', async () => {
    expect(
      await violations(
        <>
          <ActivityDot status="active" />
          <ActivityDot status="away" showLabel />
          <ActivityDot room="lobby" userId="user-2" size="sm" />
        </>,
      ),
    ).toEqual([])
  })

  it('ConnectionStatus', async () => {
    expect(await violations(<ConnectionStatus room="lobby" />)).toEqual([])
  })
})
