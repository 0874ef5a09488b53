const FNV_OFFSET_BASIS = 0x811c9dc5
const FNV_PRIME = 0x01000193

/**
 * The 32-bit FNV-1a hash of a string's UTF-8 bytes, as an unsigned integer.
 *
 * Hashing UTF-8 (not UTF-16 code units) gives the same number as FNV-1a implementations in other
 * languages, so a server can compute the same avatar colour. `TextEncoder` (in every browser and
 * server runtime) does the encoding, lone surrogates as U+FFFD.
 */
export function fnv1a32(text: string): number {
  let hash = FNV_OFFSET_BASIS
  for (const byte of new TextEncoder().encode(text)) hash = Math.imul(hash ^ byte, FNV_PRIME) >>> 0
  return hash
}
