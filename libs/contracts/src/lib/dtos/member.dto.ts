import { z } from 'zod';
import { MEMBERSHIP_ROLES, type MembershipRole } from '@plexus/domain';

export const updateMemberSchema = z.object({
  role: z.enum(MEMBERSHIP_ROLES, { error: 'Choose a role' }),
  organisationId: z.uuid({ error: 'Choose an organisation' }).nullable().default(null),
});
export type UpdateMemberRequest = z.input<typeof updateMemberSchema>;

export interface MemberDto {
  id: string;
  userId: string;
  displayName: string;
  email: string;
  role: MembershipRole;
  organisationId: string | null;
  organisationName: string | null;
  joinedAt: string;
}
