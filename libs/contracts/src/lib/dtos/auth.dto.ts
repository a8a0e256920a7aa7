import { z } from 'zod';
import { MEMBERSHIP_ROLES } from '@plexus/domain';
import { email, secret } from '../fields';
import { PASSWORD_MIN_LENGTH } from '../limits';
import { id } from './response-fields';

export const loginRequestSchema = z.object({
  email: email(),
  password: secret('your password').min(1, { error: 'Enter your password' }).max(256, { error: 'Passwords are 256 characters or fewer' }),
});
export type LoginRequest = z.input<typeof loginRequestSchema>;

export const sessionUserDtoSchema = z
  .object({ id: id(), email: z.string(), displayName: z.string(), isOperator: z.boolean() })
  .meta({ id: 'SessionUser', description: 'The signed-in person.' });
export type SessionUser = z.infer<typeof sessionUserDtoSchema>;

export const sessionMembershipDtoSchema = z
  .object({ networkId: id(), slug: z.string(), name: z.string(), role: z.enum(MEMBERSHIP_ROLES), organisationId: id().nullable() })
  .meta({ id: 'SessionMembership', description: 'A network the person belongs to, and their role in it.' });
export type SessionMembership = z.infer<typeof sessionMembershipDtoSchema>;

export const sessionResponseSchema = z
  .object({
    user: sessionUserDtoSchema,
    memberships: z.array(sessionMembershipDtoSchema),
    csrfToken: z.string().describe('Also set as the `XSRF-TOKEN` cookie; send it back as `X-XSRF-TOKEN` on unsafe requests.'),
  })
  .meta({ id: 'Session', description: 'The signed-in person, their networks and roles, and the CSRF token.' });
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

/** A new password, wherever one is chosen (accepting an invite, a reset link): the same rules everywhere. */
export const newPasswordField = () =>
  secret('a password')
    .min(PASSWORD_MIN_LENGTH, { error: `Choose a password of at least ${PASSWORD_MIN_LENGTH} characters` })
    .max(256, { error: 'Choose a password of 256 characters or fewer' });

/** "Forgot your password?": the address to send a link to. */
export const passwordResetRequestSchema = z.object({ email: email() });
export type PasswordResetRequest = z.input<typeof passwordResetRequestSchema>;

/** The answer to a reset request: always the same, whether or not the address has an account. */
export const passwordResetRequestedDtoSchema = z
  .object({ message: z.string() })
  .meta({ id: 'PasswordResetRequested', description: 'The same answer for every address, so it says nothing about who has an account.' });
export type PasswordResetRequestedDto = z.infer<typeof passwordResetRequestedDtoSchema>;

/** Choosing a new password with an emailed link's token. */
export const passwordResetConfirmSchema = z.object({
  token: z
    .string({ error: 'The link is not complete: open it again from the email' })
    .regex(/^[A-Za-z0-9_-]{20,100}$/, { error: 'The link is not complete: open it again from the email' }),
  password: newPasswordField(),
});
export type PasswordResetConfirmRequest = z.input<typeof passwordResetConfirmSchema>;
