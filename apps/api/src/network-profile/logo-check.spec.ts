import { checkLogo } from './logo-check';

const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(20)]);
const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(20)]);

describe('checkLogo', () => {
  it('accepts PNG and JPEG by their signatures', () => {
    expect(checkLogo(png, 'image/png')).toEqual({ ok: true, contentType: 'image/png' });
    expect(checkLogo(jpeg, 'image/jpeg')).toEqual({ ok: true, contentType: 'image/jpeg' });
    expect(checkLogo(jpeg, undefined)).toEqual({ ok: true, contentType: 'image/jpeg' });
  });
  it('refuses other content, whatever it claims to be', () => {
    expect(checkLogo(Buffer.from('<svg onload="alert(1)"></svg>'), 'image/png')).toEqual({
      ok: false,
      message: 'The logo must be a PNG or JPEG image',
    });
    expect(checkLogo(png, 'image/jpeg').ok).toBe(false);
    expect(checkLogo(Buffer.alloc(0), 'image/png').ok).toBe(false);
  });
  it('refuses files over the size cap', () => {
    const big = Buffer.concat([png, Buffer.alloc(600 * 1024)]);
    expect(checkLogo(big, 'image/png')).toEqual({ ok: false, message: 'The logo must be 512 KB or smaller' });
  });
});
