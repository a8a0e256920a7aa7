import { z } from 'zod';
import { SLUG_MAX_LENGTH, SLUG_PATTERN } from '@plexus/domain';
import { email, text } from '../fields';
import { id, timestamp } from './response-fields';

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

export const adminNetworkDtoSchema = z
  .object({ id: id(), slug: z.string(), name: z.string(), createdAt: timestamp() })
  .meta({ id: 'AdminNetwork', description: 'A network in the platform registry (no tenant data).' });
export type AdminNetworkDto = z.infer<typeof adminNetworkDtoSchema>;

export const createdNetworkDtoSchema = adminNetworkDtoSchema
  .extend({
    managerInviteUrl: z.string().describe('The one-time invite link for the first manager.'),
    managerInviteExpiresAt: timestamp(),
  })
  .meta({ id: 'CreatedNetwork', description: 'A new network, with the one-time invite link for its first manager (shown once).' });
export type CreatedNetworkDto = z.infer<typeof createdNetworkDtoSchema>;
