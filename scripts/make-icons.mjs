// Draws the toolbar and store icons (a page with lines of text under a lens) into
// extension/icons/icon-<size>.png. Shapes are signed-distance functions sampled 4x4 per pixel,
// written as PNG with Node's zlib, so the icons rebuild from this file alone.
// Usage: node scripts/make-icons.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZES = [16, 32, 48, 128];
const BLUE = [29, 78, 216];
const WHITE = [255, 255, 255];
const AMBER = [245, 158, 11];

function roundedBox(x, y, cx, cy, hw, hh, r) {
  const qx = Math.abs(x - cx) - hw + r;
  const qy = Math.abs(y - cy) - hh + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

/** Colour of a point in the unit square, or null for transparent. */
function shade(x, y) {
  if (roundedBox(x, y, 0.5, 0.5, 0.48, 0.48, 0.16) > 0) return null;
  const lens = Math.hypot(x - 0.66, y - 0.66);
  if (lens < 0.2 && lens > 0.13) return AMBER;
  if (Math.abs(x - y) < 0.05 && x > 0.78 && x < 0.92) return AMBER;
  if (roundedBox(x, y, 0.42, 0.44, 0.22, 0.3, 0.03) < 0) {
    for (const line of [0.28, 0.4, 0.52]) {
      if (Math.abs(y - line) < 0.03 && x > 0.28 && x < 0.56) return BLUE;
    }
    return WHITE;
  }
  return BLUE;
}

function pixels(size) {
  const data = Buffer.alloc(size * (size * 4 + 1));
  const samples = 4;
  for (let py = 0; py < size; py++) {
    data[py * (size * 4 + 1)] = 0;
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const colour = shade((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          if (!colour) continue;
          sum[0] += colour[0];
          sum[1] += colour[1];
          sum[2] += colour[2];
          sum[3] += 255;
        }
      }
      const n = samples * samples;
      const covered = sum[3] / 255 || 1;
      const at = py * (size * 4 + 1) + 1 + px * 4;
      data[at] = Math.round(sum[0] / covered);
      data[at + 1] = Math.round(sum[1] / covered);
      data[at + 2] = Math.round(sum[2] / covered);
      data[at + 3] = Math.round(sum[3] / n);
    }
  }
  return data;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, body) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), body]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

function png(size) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels(size), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const size of SIZES) {
  writeFileSync(new URL(`../extension/icons/icon-${size}.png`, import.meta.url), png(size));
}
console.log(`wrote ${SIZES.map((size) => `icon-${size}.png`).join(', ')}`);
