import { LOGO_CONTENT_TYPES, LOGO_MAX_BYTES } from '@plexus/contracts';

export type LogoCheck = { ok: true; contentType: (typeof LOGO_CONTENT_TYPES)[number] } | { ok: false; message: string };

/** Trusts the bytes, not the declared type: PNG and JPEG by their signatures, and a size cap. */
export function checkLogo(bytes: Buffer, declaredType: string | undefined): LogoCheck {
  if (bytes.length === 0) return { ok: false, message: 'The file is empty' };
  if (bytes.length > LOGO_MAX_BYTES) return { ok: false, message: `The logo must be ${LOGO_MAX_BYTES / 1024} KB or smaller` };
  const isPng = bytes.length > 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const isJpeg = bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  const actual = isPng ? 'image/png' : isJpeg ? 'image/jpeg' : null;
  if (!actual) return { ok: false, message: 'The logo must be a PNG or JPEG image' };
  if (declaredType && declaredType !== actual && !(declaredType === 'image/jpg' && actual === 'image/jpeg')) {
    return { ok: false, message: `The file says it is ${declaredType} but its content is ${actual}` };
  }
  return { ok: true, contentType: actual };
}
