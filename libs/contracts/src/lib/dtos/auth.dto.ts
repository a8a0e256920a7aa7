import { z } from 'zod';
import { MEMBERSHIP_ROLES } from '@plexus/domain';

export const loginRequestSchema = z.object({
  email: z.email({ error: 'Enter an email address, like name@example.org' }).max(254).transform((v) => v.trim().toLowerCase()),
  password: z.string({ error: 'Enter your password' }).min(1, { error: 'Enter your password' }).max(256),
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
