import type { TenantDb } from '@plexus/server';
import type { DemoNetwork } from '../seed/demo-data';

/** Loads this feature's demo data for one freshly created demo network (runs inside seedDemo). */
export async function seedWorkPlan(_db: TenantDb, _network: { id: string; slug: string }, _demo: DemoNetwork, _userIds: Map<string, string>): Promise<void> {
  // Filled in by the work-plan feature.
}
