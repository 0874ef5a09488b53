import { describe, expect, it } from 'vitest'
import { isSafeImageUrl, MAX_DATA_IMAGE_URL_LENGTH, MAX_IMAGE_URL_LENGTH } from '../../src/ui/index.js'

function httpsUrlOfLength(length: number): string {
  const prefix = 'https://example.com/'
  return prefix + 'a'.repeat(length - prefix.length)
}

function dataUrlOfLength(length: number): string {
  const prefix = 'data:image/png;base64,'
  return prefix + 'A'.repeat(length - prefix.length)
}

describe('isSafeImageUrl', () => {
  it.each([
    'https://cdn.example.com/a.png',
    'http://example.com/a.png?size=64#x',
    'HTTPS://EXAMPLE.COM/A.PNG',
    'https://例え.jp/アバター.png',
    'blob:https://app.example.com/6f1c6c1e-0000-4000-8000-000000000000',
    'data:image/png;base64,iVBORw0KGgo=',
    'data:image/jpeg;base64,/9j/4AAQ',
    'data:image/gif,GIF89a',
    'data:image/webp;base64,UklGRg==',
    'data:image/avif;base64,AAAA',
    'data:image/bmp;base64,Qk0=',
    'DATA:IMAGE/PNG;BASE64,iVBORw0KGgo=',
    '/a.png',
    './a.png',
    '../avatars/a.png',
    'a.png',
    'avatars/a b.png',
    '//cdn.example.com/a.png',
  ])('accepts %s', (url) => {
    expect(isSafeImageUrl(url)).toBe(true)
  })

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'ftp://example.com/a.png',
    'data:text/html,<script>alert(1)</script>',
    'data:text/html;base64,PHNjcmlwdD4=',
    'data:image/svg+xml,<svg onload="alert(1)"/>',
    'data:image/svg+xml;base64,PHN2Zz4=',
    'data:image/png',
    'data:,hello',
    'data: image/png;base64,AAAA',
    'blob:null/6f1c6c1e',
    'blob:javascript:alert(1)',
    'c:/avatars/a.png',
    '',
    ' https://example.com/a.png',
    'https://example.com/a.png ',
    '\u00a0javascript:alert(1)',
    '\ufeffjavascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'https://example.com/\u0000a.png',
    'https://example.com/\u0085a.png',
    '\u0001javascript:alert(1)',
    'https://[invalid/a.png',
  ])('rejects %j', (url) => {
    expect(isSafeImageUrl(url)).toBe(false)
  })

  it.each([undefined, null, 42, {}, ['https://example.com/a.png'], new URL('https://example.com/a.png')])(
    'rejects the non-string %j',
    (value) => {
      expect(isSafeImageUrl(value)).toBe(false)
    },
  )

  it('limits URL length, with a larger allowance for data: images', () => {
    expect(isSafeImageUrl(httpsUrlOfLength(MAX_IMAGE_URL_LENGTH))).toBe(true)
    expect(isSafeImageUrl(httpsUrlOfLength(MAX_IMAGE_URL_LENGTH + 1))).toBe(false)
    expect(isSafeImageUrl('/' + 'a'.repeat(MAX_IMAGE_URL_LENGTH))).toBe(false)

    expect(isSafeImageUrl(dataUrlOfLength(100_000))).toBe(true)
    expect(isSafeImageUrl(dataUrlOfLength(MAX_DATA_IMAGE_URL_LENGTH))).toBe(true)
    expect(isSafeImageUrl(dataUrlOfLength(MAX_DATA_IMAGE_URL_LENGTH + 1))).toBe(false)
  })

  it('narrows the type to string', () => {
    const value: unknown = '/a.png'
    if (isSafeImageUrl(value)) expect(value.endsWith('.png')).toBe(true)
    else expect.unreachable()
  })
})
