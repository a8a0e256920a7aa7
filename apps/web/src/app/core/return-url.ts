/**
 * Only a path inside this app may be a `returnUrl`: `/n/x/profile?y=1` is kept; `https://evil.example`,
 * `//evil.example` and `/\evil.example` become `/`. Prevents an open redirect from the sign-in page.
 */
export function safeReturnUrl(raw: string | null | undefined): string {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return '/';
  if (raw.startsWith('/sign-in')) return '/';
  return raw;
}
