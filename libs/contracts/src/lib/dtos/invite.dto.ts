import { z } from 'zod';
import { MEMBERSHIP_ROLES, type MembershipRole } from '@plexus/domain';
import { PASSWORD_MIN_LENGTH } from '../limits';

export const createInviteSchema = z.object({
  email: z.email({ error: 'Enter an email address, like name@example.org' }).max(254).transform((v) => v.trim().toLowerCase()),
  displayName: z.string().trim().min(1, { error: 'Enter the person’s name' }).max(120),
  role: z.enum(MEMBERSHIP_ROLES, { error: 'Choose a role' }),
  organisationId: z.uuid({ error: 'Choose an organisation' }).nullable().default(null),
});
export type CreateInviteRequest = z.input<typeof createInviteSchema>;

export const acceptInviteSchema = z.object({
  displayName: z.string().trim().min(1, { error: 'Enter your name' }).max(120),
  password: z
    .string()
    .min(PASSWORD_MIN_LENGTH, { error: `Choose a password of at least ${PASSWORD_MIN_LENGTH} characters` })
    .max(256, { error: 'Choose a password of 256 characters or fewer' }),
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

export interface InvitePreviewDto {
  networkName: string;
  networkSlug: string;
  email: string;
  displayName: string;
  role: MembershipRole;
  /** True when the email already has a Plexus account: accepting asks for that account's password. */
  existingAccount: boolean;
  expiresAt: string;
}
