// WCAG 2.x relative luminance of a #rrggbb colour.
function luminance(hex: string): number {
  const value = Number.parseInt(hex.slice(1), 16)
  let sum = 0
  for (const [shift, weight] of [
    [16, 0.2126],
    [8, 0.7152],
    [0, 0.0722],
  ] as const) {
    const srgb = ((value >> shift) & 0xff) / 255
    sum += weight * (srgb <= 0.04045 ? srgb / 12.92 : ((srgb + 0.055) / 1.055) ** 2.4)
  }
  return sum
}

/** The WCAG contrast ratio of two #rrggbb colours, from 1 to 21. */
export function getContrastRatio(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)]
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05)
}

/**
 * Text colour for a #rrggbb background: white when it reaches 4.5:1 (WCAG AA), else near-black,
 * whichever reads better when neither does.
 */
export function getReadableTextColor(background: string): string {
  const white = getContrastRatio(background, '#ffffff')
  return white >= 4.5 || white >= getContrastRatio(background, '#161616') ? '#ffffff' : '#161616'
}
