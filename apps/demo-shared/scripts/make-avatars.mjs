#!/usr/bin/env node
// Draws the demo's avatar choices as small PNG files (the avatar components load raster images
// only), so the demo needs no image from the network. Run again after changing a design below.
import { writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { deflateSync } from 'node:zlib'

const SIZE = 96
const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'avatars')

const designs = {
  sun: { background: [255, 196, 61], ink: [191, 84, 0], shape: 'disc' },
  sea: { background: [18, 165, 148], ink: [4, 66, 84], shape: 'waves' },
  leaf: { background: [70, 167, 88], ink: [16, 72, 30], shape: 'diamond' },
  plum: { background: [142, 78, 198], ink: [250, 235, 255], shape: 'ring' },
  ember: { background: [229, 72, 77], ink: [255, 236, 210], shape: 'stripes' },
  night: { background: [62, 99, 221], ink: [220, 230, 255], shape: 'dots' },
}

function inside(shape, x, y) {
  const cx = x - SIZE / 2
  const cy = y - SIZE / 2
  const r = Math.hypot(cx, cy)
  switch (shape) {
    case 'disc':
      return r < 24
    case 'ring':
      return r > 20 && r < 32
    case 'diamond':
      return Math.abs(cx) + Math.abs(cy) < 30
    case 'waves':
      return Math.abs(((y + 8 * Math.sin(x / 8)) % 24) - 12) < 4
    case 'stripes':
      return (x + y) % 24 < 9
    case 'dots':
      return Math.hypot((x % 24) - 12, (y % 24) - 12) < 5
    default:
      return false
  }
}

function crc32(bytes) {
  let crc = ~0
  for (const byte of bytes) {
    crc ^= byte
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1))
  }
  return ~crc >>> 0
}

function chunk(type, data) {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

function png({ background, ink, shape }) {
  const rows = []
  for (let y = 0; y < SIZE; y++) {
    const row = Buffer.alloc(1 + SIZE * 3)
    for (let x = 0; x < SIZE; x++) {
      const color = inside(shape, x, y) ? ink : background
      row.set(color, 1 + x * 3)
    }
    rows.push(row)
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(SIZE, 0)
  header.writeUInt32BE(SIZE, 4)
  header.set([8, 2, 0, 0, 0], 8) // 8-bit RGB, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

for (const [name, design] of Object.entries(designs)) {
  writeFileSync(join(out, `${name}.png`), png(design))
  process.stdout.write(`avatars/${name}.png\n`)
}
