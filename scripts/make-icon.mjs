#!/usr/bin/env node
// Draws the app icon with code (no downloads, no image tools): build/icon.png (1024 px, which
// electron-builder turns into .ico and .icns) and build/icon.svg (the same design, for docs).
// Design: a rounded square in Analysis Function dark blue with three bars in the Analysis
// Function categorical palette, rising like a chart. Rerun after changing the design:
//   node scripts/make-icon.mjs
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { deflateSync } from 'node:zlib';

const SIZE = 1024;
const SAMPLES = 4; // supersampling per axis, for smooth edges
const BACKGROUND = [0x12, 0x43, 0x6d];
const BARS = [
  { x: 232, width: 150, top: 560, colour: [0x28, 0xa1, 0x97] },
  { x: 437, width: 150, top: 400, colour: [0xf4, 0x6a, 0x25] },
  { x: 642, width: 150, top: 250, colour: [0xff, 0xff, 0xff] },
];
const BASELINE = { x: 192, y: 790, width: 640, height: 34 };
const CORNER = 200;

function inRoundedSquare(x, y) {
  const inset = 32;
  const min = inset;
  const max = SIZE - inset;
  if (x < min || x > max || y < min || y > max) return false;
  const cx = Math.min(Math.max(x, min + CORNER), max - CORNER);
  const cy = Math.min(Math.max(y, min + CORNER), max - CORNER);
  return (x - cx) ** 2 + (y - cy) ** 2 <= CORNER ** 2;
}

function colourAt(x, y) {
  if (!inRoundedSquare(x, y)) return null;
  for (const bar of BARS) {
    if (x >= bar.x && x < bar.x + bar.width && y >= bar.top && y < BASELINE.y) return bar.colour;
  }
  if (
    x >= BASELINE.x &&
    x < BASELINE.x + BASELINE.width &&
    y >= BASELINE.y &&
    y < BASELINE.y + BASELINE.height
  )
    return [0xff, 0xff, 0xff];
  return BACKGROUND;
}

function crc32(bytes) {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

function png() {
  const stride = SIZE * 4 + 1;
  const raw = Buffer.alloc(stride * SIZE);
  for (let y = 0; y < SIZE; y++) {
    raw[y * stride] = 0; // filter: none
    for (let x = 0; x < SIZE; x++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const c = colourAt(x + (sx + 0.5) / SAMPLES, y + (sy + 0.5) / SAMPLES);
          if (c === null) continue;
          sum[0] += c[0];
          sum[1] += c[1];
          sum[2] += c[2];
          sum[3] += 1;
        }
      }
      const o = y * stride + 1 + x * 4;
      if (sum[3] > 0) {
        raw[o] = Math.round(sum[0] / sum[3]);
        raw[o + 1] = Math.round(sum[1] / sum[3]);
        raw[o + 2] = Math.round(sum[2] / sum[3]);
      }
      raw[o + 3] = Math.round((255 * sum[3]) / SAMPLES ** 2);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function svg() {
  const hex = (c) => `#${c.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
  const bars = BARS.map(
    (b) =>
      `  <rect x="${b.x}" y="${b.top}" width="${b.width}" height="${BASELINE.y - b.top}" fill="${hex(b.colour)}"/>`,
  ).join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${SIZE} ${SIZE}" width="${SIZE}" height="${SIZE}">
  <title>JSNA Workbench</title>
  <rect x="32" y="32" width="${SIZE - 64}" height="${SIZE - 64}" rx="${CORNER}" fill="${hex(BACKGROUND)}"/>
${bars}
  <rect x="${BASELINE.x}" y="${BASELINE.y}" width="${BASELINE.width}" height="${BASELINE.height}" fill="#ffffff"/>
</svg>
`;
}

const buildDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'build');
writeFileSync(path.join(buildDir, 'icon.png'), png());
writeFileSync(path.join(buildDir, 'icon.svg'), svg());
console.log('Wrote build/icon.png and build/icon.svg');
