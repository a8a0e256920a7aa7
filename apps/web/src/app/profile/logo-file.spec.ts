import { LOGO_MAX_BYTES } from '@plexus/contracts';
import { checkLogoFile, formatBytes } from './logo-file';

describe('checkLogoFile', () => {
  it('accepts PNG and JPEG up to the limit', () => {
    expect(checkLogoFile({ type: 'image/png', size: LOGO_MAX_BYTES })).toBeNull();
    expect(checkLogoFile({ type: 'image/jpeg', size: 1000 })).toBeNull();
  });
  it('explains what is wrong with other files', () => {
    expect(checkLogoFile({ type: 'image/svg+xml', size: 100 })).toBe('The logo must be a PNG or JPEG file');
    expect(checkLogoFile({ type: 'image/png', size: LOGO_MAX_BYTES + 1 })).toBe('The logo must be 512 KB or smaller');
    expect(checkLogoFile({ type: 'image/png', size: 0 })).toBe('The chosen file is empty');
    expect(checkLogoFile(null)).toBe('Choose a PNG or JPEG file for the logo');
  });
  it('formats sizes for people', () => {
    expect(formatBytes(512 * 1024)).toBe('512 KB');
    expect(formatBytes(1.5 * 1024 * 1024)).toBe('1.5 MB');
    expect(formatBytes(10)).toBe('10 bytes');
  });
});
