import { z } from 'zod';
import { MEMBERSHIP_ROLES } from '@plexus/domain';
import { email, secret } from '../fields';

export const loginRequestSchema = z.object({
  email: email(),
  password: secret('your password').min(1, { error: 'Enter your password' }).max(256, { error: 'Passwords are 256 characters or fewer' }),
});
export type LoginRequest = z.input<typeof loginRequestSchema>;

export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  isOperator: boolean;
}

export interface SessionMembership {
  networkId: string;
  slug: string;
  name: string;
  role: (typeof MEMBERSHIP_ROLES)[number];
  organisationId: string | null;
}

export interface SessionResponse {
  user: SessionUser;
  memberships: SessionMembership[];
  /** Also set as the `XSRF-TOKEN` cookie; send it back as `X-XSRF-TOKEN` on unsafe requests. */
  csrfToken: string;
}
