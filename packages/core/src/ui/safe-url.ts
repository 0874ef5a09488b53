/** The longest URL `isSafeImageUrl` accepts, except `data:` URLs. */
export const MAX_IMAGE_URL_LENGTH = 8192

/** The longest `data:` URL `isSafeImageUrl` accepts (1 MiB): inline images are legitimately large. */
export const MAX_DATA_IMAGE_URL_LENGTH = 1_048_576

// The base only gives relative paths something to resolve against; it never reaches the network.
const RELATIVE_BASE = 'https://relative.invalid/'

// Raster formats only: SVG can carry scripts and links, and text/html is not an image at all.
const SAFE_DATA_IMAGE = /^data:image\/(?:png|jpeg|gif|webp|avif|bmp)(?:;[^,]*)?,/i

// C0 and C1 controls and DEL: the URL parser silently drops tabs and newlines ("java\tscript:"),
// so a value containing them does not mean what it looks like.
const CONTROL_CHARACTER = /\p{Cc}/u

/**
 * Whether `url` may be given to an `<img src>`: an `https:`, `http:` or `blob:` URL, a raster
 * `data:image/…` URL, a relative path (`/a.png`, `./a.png`, `a.png`) or a protocol-relative one
 * (`//host/a.png`). Everything else is refused: other schemes (`javascript:`, `vbscript:`, `file:`),
 * `data:` URLs that are not raster images, values with control characters or surrounding whitespace,
 * empty strings, non-strings, and URLs over `MAX_IMAGE_URL_LENGTH` (`data:` over
 * `MAX_DATA_IMAGE_URL_LENGTH`).
 *
 * Avatar URLs come from other users' presence data, so this is the gate, not a convenience.
 */
export function isSafeImageUrl(url: unknown): url is string {
  if (typeof url !== 'string' || url === '') return false
  if (url.length > MAX_DATA_IMAGE_URL_LENGTH) return false
  // Whitespace the parser would strip is how "  javascript:" slips past naive prefix checks.
  if (url !== url.trim() || CONTROL_CHARACTER.test(url)) return false

  const parsed = parseUrl(url)
  if (parsed === undefined) return false
  switch (parsed.protocol) {
    case 'https:':
    case 'http:':
      return url.length <= MAX_IMAGE_URL_LENGTH
    case 'blob:':
      // A blob URL's origin is that of the page that made it; "null" means an opaque or odd inner URL.
      return url.length <= MAX_IMAGE_URL_LENGTH && parsed.origin !== 'null'
    case 'data:':
      return SAFE_DATA_IMAGE.test(url)
    default:
      return false
  }
}

function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value, RELATIVE_BASE)
  } catch {
    return undefined
  }
}
