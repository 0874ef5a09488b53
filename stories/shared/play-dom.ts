// What every play function reads the rendered DOM with: the parts of the kit's anatomy
// (`data-scope="presence"`, `data-part`), its live regions and their text, the same in React and Vue.
import { expect, waitFor } from 'storybook/test'

export interface PlayContext {
  readonly canvasElement: HTMLElement
  readonly loaded: Record<string, unknown>
  readonly args: Record<string, unknown>
}

export type Play = (context: PlayContext) => Promise<void>

// The big room's renders and the first commits take a while on a slow machine.
export const SLOW = { timeout: 5_000 }

/** Every element of one part of the anatomy under `root`, in document order. */
export const parts = (root: ParentNode, name: string): HTMLElement[] => [
  ...root.querySelectorAll<HTMLElement>(`[data-scope="presence"][data-part="${name}"]`),
]

/** The first element of a part, once it is rendered. */
export function findPart(root: ParentNode, name: string): Promise<HTMLElement> {
  return waitFor(() => {
    const [element] = parts(root, name)
    expect(element, `no [data-part="${name}"] rendered`).toBeDefined()
    return element as HTMLElement
  }, SLOW)
}

/** The polite status region of a part: the part itself or an element in it. */
export async function liveRegion(canvasElement: HTMLElement, part: string): Promise<HTMLElement> {
  return waitFor(() => {
    const [root] = parts(canvasElement, part)
    expect(root).toBeDefined()
    const region = root?.matches('[role="status"]') ? root : root?.querySelector('[role="status"]')
    expect(region).toBeTruthy()
    return region as HTMLElement
  })
}

export function normalizedText(element: HTMLElement): string {
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim()
}
