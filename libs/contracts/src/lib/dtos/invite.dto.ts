import { z } from 'zod';
import { MEMBERSHIP_ROLES } from '@plexus/domain';
import { email, text } from '../fields';
import { newPasswordField } from './auth.dto';
import { id, timestamp } from './response-fields';

export const createInviteSchema = z.object({
  email: email(),
  displayName: text(120, 'The name').min(1, { error: 'Enter the person’s name' }),
  role: z.enum(MEMBERSHIP_ROLES, { error: 'Choose a role' }),
  organisationId: z.uuid({ error: 'Choose an organisation' }).nullable().default(null),
});
export type CreateInviteRequest = z.input<typeof createInviteSchema>;

const newAccountFields = {
  displayName: text(120, 'Your name').min(1, { error: 'Enter your name' }),
  password: newPasswordField(),
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

export const inviteDtoSchema = z
  .object({
    id: id(),
    email: z.string(),
    displayName: z.string(),
    role: z.enum(MEMBERSHIP_ROLES),
    organisationId: id().nullable(),
    expiresAt: timestamp(),
    createdAt: timestamp(),
    status: z.enum(['pending', 'accepted', 'expired', 'revoked']),
  })
  .meta({ id: 'Invite', description: 'An invite sent by the network.' });
export type InviteDto = z.infer<typeof inviteDtoSchema>;

/** Returned once, when an invite is created: the link is not stored and cannot be shown again. */
export const createdInviteDtoSchema = inviteDtoSchema
  .extend({ url: z.string().describe('The one-time link (also emailed); it is not stored and cannot be shown again.') })
  .meta({ id: 'CreatedInvite', description: 'A new invite with its one-time link, shown once.' });
export type CreatedInviteDto = z.infer<typeof createdInviteDtoSchema>;

/**
 * What an invite link is for. The same shape whether or not the email already has an account: the link's
 * holder cannot learn that here. (Someone who already has an account signs in, then accepts.)
 */
export const invitePreviewDtoSchema = z
  .object({
    networkName: z.string(),
    networkSlug: z.string(),
    email: z.string(),
    displayName: z.string(),
    role: z.enum(MEMBERSHIP_ROLES),
    expiresAt: timestamp(),
  })
  .meta({ id: 'InvitePreview', description: 'What an invite link is for; the same shape whether or not the email has an account.' });
export type InvitePreviewDto = z.infer<typeof invitePreviewDtoSchema>;
