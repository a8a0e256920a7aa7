import { composePageTitle } from './page-title';
import { safeReturnUrl } from './return-url';

describe('composePageTitle', () => {
  it('reads "Page – Network – Plexus"', () => {
    expect(composePageTitle('Profile', 'North Spinal Network')).toBe('Profile – North Spinal Network – Plexus');
  });
  it('leaves out what is missing', () => {
    expect(composePageTitle('Sign in', undefined)).toBe('Sign in – Plexus');
    expect(composePageTitle(undefined, undefined)).toBe('Plexus');
  });
});

describe('safeReturnUrl', () => {
  it('keeps paths inside the app, with their query', () => {
    expect(safeReturnUrl('/n/a/audit?entityType=invite')).toBe('/n/a/audit?entityType=invite');
  });
  it('refuses other sites and loops back to sign-in', () => {
    for (const bad of [
      'https://evil.example',
      '//evil.example',
      '/\\evil.example',
      'javascript:alert(1)',
      '',
      null,
      undefined,
      '/sign-in?returnUrl=/x',
    ]) {
      expect(safeReturnUrl(bad)).toBe('/');
    }
  });
});
