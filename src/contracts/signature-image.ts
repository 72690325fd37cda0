import sharp, { type OutputInfo } from 'sharp';
import { BadInputException } from '../common/errors';

/** A drawn signature is a few hundred pixels across; anything far larger is not one. */
const MAX_SIDE = 2400;
/** So few drawn pixels is a click, not a signature. */
const MIN_INK_PIXELS = 40;

const refuse = (message: string, rule = 'signature') => new BadInputException([{ field: 'signature', rule, message }]);

/**
 * The drawn signature from a signature pad's data URL, checked and re-encoded: a real PNG of a
 * sensible size with enough ink to be a signature. What is kept is the re-encoded image, so
 * nothing the client put around the pixels (metadata, trailing bytes) reaches the PDF.
 */
export async function signatureImage(dataUrl: string): Promise<Buffer> {
  const base64 = dataUrl.replace(/^data:image\/png;base64,/, '');
  const bytes = Buffer.from(base64, 'base64');
  let raw: { data: Buffer; info: OutputInfo };
  try {
    const image = sharp(bytes, { limitInputPixels: MAX_SIDE * MAX_SIDE, failOn: 'error' });
    const meta = await image.metadata();
    if (meta.format !== 'png') throw refuse('signature must be a PNG image');
    if (!meta.width || !meta.height || meta.width > MAX_SIDE || meta.height > MAX_SIDE) {
      throw refuse(`signature must be at most ${MAX_SIDE} pixels on each side`);
    }
    raw = await image.ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  } catch (err) {
    if (err instanceof BadInputException) throw err;
    throw refuse('signature is not a readable PNG image');
  }
  // Ink is a pixel that is both visible and darker than paper: a pad draws dark strokes on a clear or white ground.
  const { data, info } = raw;
  let ink = 0;
  for (let i = 0; i < data.length; i += info.channels) {
    const alpha = data[i + 3];
    const light = (data[i] + data[i + 1] + data[i + 2]) / 3;
    if (alpha > 64 && light < 160) ink += 1;
  }
  if (ink < MIN_INK_PIXELS) throw refuse('signature is empty: draw a signature before signing', 'notEmpty');
  return sharp(bytes).png({ compressionLevel: 9 }).toBuffer();
}
