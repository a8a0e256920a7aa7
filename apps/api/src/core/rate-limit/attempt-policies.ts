import type { AppConfig } from '@plexus/server';

/**
 * One kind of attempt at a secret (a password, an invite link, later a reset or signed link) and how many
 * are allowed. Every endpoint that checks a secret names its buckets here and goes through AttemptLimiter:
 *   - `points` attempts per `durationSeconds`, counted from the first attempt (a fixed window);
 *   - past that, 429 with Retry-After until the window ends, whatever the secret;
 *   - `onSuccess`: `reset` forgets the bucket (the right person got in), `refund` gives back this attempt's
 *     point (a shared bucket, such as a client address, keeps the other attempts), `keep` counts every request
 *     whatever its outcome (asking for a password reset email: each one sends mail).
 */
export interface AttemptPolicy {
  points: number;
  durationSeconds: number;
  onSuccess: 'reset' | 'refund' | 'keep';
  /** The 429 message, for a wait of `minutes`. */
  message(minutes: number): string;
}

export type AttemptPolicyName =
  | 'login.email'
  | 'login.address'
  | 'invite.token'
  | 'invite.address'
  | 'link.token'
  | 'link.address'
  | 'reset.email'
  | 'reset.address'
  | 'reset-link.token'
  | 'reset-link.address'
  | 'nudge-link.token'
  | 'nudge-link.address';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * The limits, from LOGIN_MAX_FAILURES and LOGIN_LOCKOUT_MINUTES: per account (or link) the configured count,
 * per client address four times that, so one office behind one address is not locked out by one person.
 */
export function attemptPolicies(config: Pick<AppConfig, 'LOGIN_MAX_FAILURES' | 'LOGIN_LOCKOUT_MINUTES'>): Record<AttemptPolicyName, AttemptPolicy> {
  const durationSeconds = config.LOGIN_LOCKOUT_MINUTES * 60;
  const perAccount = config.LOGIN_MAX_FAILURES;
  const perAddress = config.LOGIN_MAX_FAILURES * 4;
  const signIn = (minutes: number) =>
    `Too many failed sign-in attempts. Try again in ${plural(minutes, 'minute')}, or ask your network manager to reset your access.`;
  const invite = (minutes: number) =>
    `Too many attempts with invite links. Try again in ${plural(minutes, 'minute')}, or ask your network manager for a new invite.`;
  const link = (minutes: number) =>
    `Too many attempts with emailed links from your address. Try again in ${plural(minutes, 'minute')}, or ask the network for a new copy.`;
  const resetAsk = (minutes: number) =>
    `Too many requests for a password reset email. Try again in ${plural(minutes, 'minute')}, or use the link in the last email we sent.`;
  const resetLink = (minutes: number) =>
    `Too many attempts with password reset links. Try again in ${plural(minutes, 'minute')}, or ask for a new link.`;
  const nudgeLink = (minutes: number) =>
    `Too many attempts with update links from your address. Try again in ${plural(minutes, 'minute')}, or ask the network for a new link.`;
  return {
    'login.email': { points: perAccount, durationSeconds, onSuccess: 'reset', message: signIn },
    'login.address': { points: perAddress, durationSeconds, onSuccess: 'refund', message: signIn },
    'invite.token': { points: perAccount, durationSeconds, onSuccess: 'refund', message: invite },
    'invite.address': { points: perAddress, durationSeconds, onSuccess: 'refund', message: invite },
    // Signed document links and one-click unsubscribe links (emailed tokens): a right token gives its point back.
    'link.token': { points: perAccount, durationSeconds, onSuccess: 'refund', message: link },
    'link.address': { points: perAddress, durationSeconds, onSuccess: 'refund', message: link },
    // "Forgot your password?": every request counts (each may send an email), per address asked about and per client.
    'reset.email': { points: perAccount, durationSeconds, onSuccess: 'keep', message: resetAsk },
    'reset.address': { points: perAddress, durationSeconds, onSuccess: 'keep', message: resetAsk },
    // Using a reset link: a wrong, used or expired token costs a point; the right one gives it back.
    'reset-link.token': { points: perAccount, durationSeconds, onSuccess: 'refund', message: resetLink },
    'reset-link.address': { points: perAddress, durationSeconds, onSuccess: 'refund', message: resetLink },
    // Nudge links (a lead's one-page update form): a wrong, used or expired token costs a point; the right one gives it back.
    'nudge-link.token': { points: perAccount, durationSeconds, onSuccess: 'refund', message: nudgeLink },
    'nudge-link.address': { points: perAddress, durationSeconds, onSuccess: 'refund', message: nudgeLink },
  };
}
