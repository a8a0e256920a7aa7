import { z } from 'zod';
import { MEMBERSHIP_ROLES, type MembershipRole } from '@plexus/domain';
import { email, secret, text } from '../fields';
import { PASSWORD_MIN_LENGTH } from '../limits';

export const createInviteSchema = z.object({
  email: email(),
  displayName: text(120, 'The name').min(1, { error: 'Enter the person’s name' }),
  role: z.enum(MEMBERSHIP_ROLES, { error: 'Choose a role' }),
  organisationId: z.uuid({ error: 'Choose an organisation' }).nullable().default(null),
});
export type CreateInviteRequest = z.input<typeof createInviteSchema>;

const newAccountFields = {
  displayName: text(120, 'Your name').min(1, { error: 'Enter your name' }),
  password: secret('a password')
    .min(PASSWORD_MIN_LENGTH, { error: `Choose a password of at least ${PASSWORD_MIN_LENGTH} characters` })
    .max(256, { error: 'Choose a password of 256 characters or fewer' }),
};

/** Accepting an invite for an email that has no account yet: the new account's name and password. */
export const acceptInviteNewAccountSchema = z.object(newAccountFields);
export type AcceptInviteNewAccountRequest = z.input<typeof acceptInviteNewAccountSchema>;

/**
 * The accept request. For an email with no account: `displayName` and `password` (the new account). For an
 * email that already has an account: nothing; the request must come from that account's session (sign in
 * first), so that an invite can never be used to try someone's password.
 */
export const acceptInviteSchema = z.object({
  displayName: newAccountFields.displayName.optional(),
  password: newAccountFields.password.optional(),
});
export type AcceptInviteRequest = z.input<typeof acceptInviteSchema>;

export interface InviteDto {
  id: string;
  email: string;
  displayName: string;
  role: MembershipRole;
  organisationId: string | null;
  expiresAt: string;
  createdAt: string;
  status: 'pending' | 'accepted' | 'expired' | 'revoked';
}

/** Returned once, when an invite is created: the link is not stored and cannot be shown again. */
export interface CreatedInviteDto extends InviteDto {
  url: string;
}

/**
 * What an invite link is for. The same shape whether or not the email already has an account: the link's
 * holder cannot learn that here. (Someone who already has an account signs in, then accepts.)
 */
export interface InvitePreviewDto {
  networkName: string;
  networkSlug: string;
  email: string;
  displayName: string;
  role: MembershipRole;
  expiresAt: string;
}
