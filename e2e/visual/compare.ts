import pixelmatch from 'pixelmatch'
import { PNG } from 'pngjs'

/** How two renders differ: the share of pixels past the colour threshold, and a picture of where. */
export interface Difference {
  readonly pixels: number
  readonly share: number
  readonly size: string
  /** Red where the pixels differ; undefined when the sizes differ. */
  readonly diff?: Buffer
}

/**
 * Compares two PNGs pixel by pixel with pixelmatch: `threshold` (0–1) is the colour distance below
 * which a pixel counts as the same, and anti-aliased edges are not counted. Images of different
 * sizes differ everywhere.
 */
export function compareImages(a: Buffer, b: Buffer, threshold: number): Difference {
  const left = PNG.sync.read(a)
  const right = PNG.sync.read(b)
  const size = `${left.width}×${left.height} vs ${right.width}×${right.height}`
  if (left.width !== right.width || left.height !== right.height) {
    return { pixels: Math.max(left.width * left.height, right.width * right.height), share: 1, size }
  }
  const diff = new PNG({ width: left.width, height: left.height })
  const pixels = pixelmatch(left.data, right.data, diff.data, left.width, left.height, { threshold })
  return { pixels, share: pixels / (left.width * left.height), size, diff: PNG.sync.write(diff) }
}

export function percent(share: number): string {
  return `${(share * 100).toFixed(2)} %`
}
