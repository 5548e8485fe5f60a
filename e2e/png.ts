/** Minimal PNG check: the 8-byte signature, then the IHDR chunk's width and height. */
const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function pngSize(bytes: Uint8Array): { width: number; height: number } {
  SIGNATURE.forEach((b, i) => {
    if (bytes[i] !== b) throw new Error('Not a PNG: bad signature.');
  });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const type = String.fromCharCode(...bytes.subarray(12, 16));
  if (type !== 'IHDR') throw new Error(`Not a PNG: first chunk is ${type}, not IHDR.`);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
