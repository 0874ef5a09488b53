/**
 * Avatar pictures for the simulated crowd, drawn in the page: the crowd shows real pictures without
 * a single request leaving the page. A few dozen pictures are drawn once each and shared, so a
 * crowd of 100,000 costs a few dozen small PNGs (SVG data URLs are refused by `isSafeImageUrl`:
 * they can carry scripts).
 */
const HUES = 12
const MOTIFS = 4
const SIZE = 64

const drawn = new Map<number, string>()

function hashOf(seed: string): number {
  let hash = 2166136261
  for (let index = 0; index < seed.length; index++) {
    hash = Math.imul(hash ^ seed.charCodeAt(index), 16777619) >>> 0
  }
  return hash
}

function draw(variant: number): string | undefined {
  const canvas = document.createElement('canvas')
  canvas.width = SIZE
  canvas.height = SIZE
  const context = canvas.getContext('2d')
  if (context === null) return undefined
  const hue = (variant % HUES) * (360 / HUES)
  const motif = Math.floor(variant / HUES) % MOTIFS
  const background = context.createLinearGradient(0, 0, SIZE, SIZE)
  background.addColorStop(0, `hsl(${hue} 65% 62%)`)
  background.addColorStop(1, `hsl(${(hue + 40) % 360} 60% 38%)`)
  context.fillStyle = background
  context.fillRect(0, 0, SIZE, SIZE)
  context.fillStyle = 'rgb(255 255 255 / 0.82)'
  context.beginPath()
  switch (motif) {
    case 0: // head and shoulders
      context.arc(32, 25, 12, 0, Math.PI * 2)
      context.moveTo(8, 64)
      context.arc(32, 64, 24, Math.PI, 0)
      break
    case 1: // a sun
      context.arc(32, 32, 14, 0, Math.PI * 2)
      for (let ray = 0; ray < 8; ray++) {
        const angle = (ray * Math.PI) / 4
        context.moveTo(32 + Math.cos(angle) * 19, 32 + Math.sin(angle) * 19)
        context.arc(32 + Math.cos(angle) * 22, 32 + Math.sin(angle) * 22, 3, 0, Math.PI * 2)
      }
      break
    case 2: // hills
      context.moveTo(0, 64)
      context.lineTo(20, 30)
      context.lineTo(34, 48)
      context.lineTo(46, 36)
      context.lineTo(64, 64)
      break
    default: // a leaf
      context.ellipse(32, 32, 12, 22, Math.PI / 4, 0, Math.PI * 2)
  }
  context.fill()
  return canvas.toDataURL('image/png')
}

/** The picture for `seed` (a user id): the same one every time, undefined where there is no canvas. */
export function crowdPicture(seed: string): string | undefined {
  if (typeof document === 'undefined') return undefined
  const variant = hashOf(seed) % (HUES * MOTIFS)
  const cached = drawn.get(variant)
  if (cached !== undefined) return cached
  const url = draw(variant)
  if (url !== undefined) drawn.set(variant, url)
  return url
}
