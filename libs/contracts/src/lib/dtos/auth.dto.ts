import { z } from 'zod';
import { MEMBERSHIP_ROLES } from '@plexus/domain';
import { email, secret } from '../fields';
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
