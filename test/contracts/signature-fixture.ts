import sharp from 'sharp';

/** A drawn signature as a signature pad hands it over: dark strokes on a clear ground, as a PNG data URL. */
export async function drawnSignature(): Promise<{ png: Buffer; dataUrl: string }> {
  const svg =
    '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="120">' +
    '<path d="M10 90 C 40 10, 80 10, 100 70 S 160 110, 190 40 S 260 20, 300 80 L 380 60" stroke="#111" stroke-width="4" fill="none"/>' +
    '</svg>';
  const png = await sharp(Buffer.from(svg)).png().toBuffer();
  return { png, dataUrl: `data:image/png;base64,${png.toString('base64')}` };
}

/** A PNG with nothing drawn on it: what a pad sends when the signer accepts without drawing. */
export async function blankSignature(): Promise<string> {
  const png = await sharp({ create: { width: 400, height: 120, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
    .png()
    .toBuffer();
  return `data:image/png;base64,${png.toString('base64')}`;
}
