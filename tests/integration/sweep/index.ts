import { foundationSweepIds } from './foundation.sweep';
import type { SweepIds } from './registry';

/** Every feature's sweep ids; add yours here. */
export const SWEEP_IDS: SweepIds[] = [foundationSweepIds];

/**
 * Bodies that pass validation for record-level checks (another network's id under your own network):
 * keyed by `METHOD /api/networks/{network}/…` template. Without one, {} is sent.
 */
export const VALID_BODIES: Record<string, unknown> = {
  'PATCH /api/networks/{network}/members/{memberId}': { role: 'viewer', organisationId: null },
};
