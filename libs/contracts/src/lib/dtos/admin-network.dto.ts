import { z } from 'zod';
import { SLUG_MAX_LENGTH, SLUG_PATTERN } from '@plexus/domain';

export const createNetworkSchema = z.object({
  slug: z
    .string()
    .trim()
    .min(2, { error: 'The address must be at least 2 characters' })
    .max(SLUG_MAX_LENGTH, { error: `The address must be ${SLUG_MAX_LENGTH} characters or fewer` })
    .regex(SLUG_PATTERN, { error: 'Use lower-case letters and numbers joined by single hyphens, like north-spinal' }),
  name: z.string().trim().min(1, { error: 'Enter the network name' }).max(200),
  specialty: z.string().trim().min(1, { error: 'Enter the specialty' }).max(80),
  region: z.string().trim().max(120).default(''),
  managerEmail: z.email({ error: 'Enter the manager’s email address' }).max(254).transform((v) => v.trim().toLowerCase()),
  managerName: z.string().trim().min(1, { error: 'Enter the manager’s name' }).max(120),
});
export type CreateNetworkRequest = z.input<typeof createNetworkSchema>;

export interface AdminNetworkDto {
  id: string;
  slug: string;
  name: string;
  createdAt: string;
}

export interface CreatedNetworkDto extends AdminNetworkDto {
  /** The one-time invite link for the first manager. */
  managerInviteUrl: string;
  managerInviteExpiresAt: string;
}
