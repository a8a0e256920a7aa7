import { z } from 'zod';
import { MEMBERSHIP_ROLES } from '@plexus/domain';
import { id, timestamp } from './response-fields';

export const updateMemberSchema = z.object({
  role: z.enum(MEMBERSHIP_ROLES, { error: 'Choose a role' }),
  organisationId: z.uuid({ error: 'Choose an organisation' }).nullable().default(null),
});
export type UpdateMemberRequest = z.input<typeof updateMemberSchema>;

export const memberDtoSchema = z
  .object({
    id: id(),
    userId: id(),
    displayName: z.string(),
    email: z.string(),
    role: z.enum(MEMBERSHIP_ROLES),
    organisationId: id().nullable(),
    organisationName: z.string().nullable(),
    joinedAt: timestamp(),
  })
  .meta({ id: 'Member', description: 'A member of the network and their role.' });
export type MemberDto = z.infer<typeof memberDtoSchema>;
