import { z } from 'zod';
import { SLUG_MAX_LENGTH, SLUG_PATTERN } from '@plexus/domain';
import { email, text } from '../fields';

export const createNetworkSchema = z.object({
  slug: text(SLUG_MAX_LENGTH, 'The address')
    .min(2, { error: 'The address must be at least 2 characters' })
    .regex(SLUG_PATTERN, { error: 'Use lower-case letters and numbers joined by single hyphens, like north-spinal' }),
  name: text(200, 'The network name').min(1, { error: 'Enter the network name' }),
  specialty: text(80, 'The specialty').min(1, { error: 'Enter the specialty' }),
  region: text(120, 'The region').default(''),
  managerEmail: email('Enter the manager’s email address'),
  managerName: text(120, 'The manager’s name').min(1, { error: 'Enter the manager’s name' }),
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
