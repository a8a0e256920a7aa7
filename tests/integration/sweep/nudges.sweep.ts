import type { SweepIds } from './registry';

/** A nudge round set for a day ahead (no worker runs in the sweeps, and it would nudge nobody before then). */
export const nudgesSweepIds: SweepIds = async (manager, fx) => {
  const sendOn = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const round = await manager.post(`/api/networks/${fx.network.slug}/nudges/rounds`, { sendOn, sendTime: '09:00' });
  if (round.status !== 201) throw new Error(`sweep set-up: nudge round ${round.status} ${JSON.stringify(round.body)}`);
  return { roundId: round.body.id };
};
