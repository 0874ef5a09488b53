const FNV_OFFSET_BASIS = 0x811c9dc5
const FNV_PRIME = 0x01000193

/**
 * The 32-bit FNV-1a hash of a string's UTF-8 bytes, as an unsigned integer.
 *
 * Hashing UTF-8 (not UTF-16 code units) gives the same number as FNV-1a implementations in other
 * languages, so a server can compute the same avatar colour. Lone surrogates hash as U+FFFD, as
 * `TextEncoder` would encode them.
 */
export function fnv1a32(text: string): number {
  let hash = FNV_OFFSET_BASIS
  const mix = (byte: number): void => {
    hash = Math.imul(hash ^ byte, FNV_PRIME) >>> 0
  }
  for (const character of text) {
    let codePoint = character.codePointAt(0) ?? 0
    if (codePoint >= 0xd800 && codePoint <= 0xdfff) codePoint = 0xfffd
    if (codePoint < 0x80) {
      mix(codePoint)
    } else if (codePoint < 0x800) {
      mix(0xc0 | (codePoint >> 6))
      mix(0x80 | (codePoint & 0x3f))
    } else if (codePoint < 0x10000) {
      mix(0xe0 | (codePoint >> 12))
      mix(0x80 | ((codePoint >> 6) & 0x3f))
      mix(0x80 | (codePoint & 0x3f))
    } else {
      mix(0xf0 | (codePoint >> 18))
      mix(0x80 | ((codePoint >> 12) & 0x3f))
      mix(0x80 | ((codePoint >> 6) & 0x3f))
      mix(0x80 | (codePoint & 0x3f))
    }
  }
  return hash
}
