import { defineProject } from 'vitest/config'

// The rules and the property test once more, with every room on `bigRoomRoster`: the rules of
// presence must hold whichever roster keeps the members (test/fixtures/setup.ts reads the variable).
export default defineProject({
  test: {
    name: 'core-big-rooms',
    environment: 'node',
    include: ['test/rules/**/*.test.ts', 'test/property/**/*.test.ts'],
    env: { PRESENCE_KIT_TEST_ROSTER: 'big-rooms' },
    testTimeout: 30_000,
  },
})
