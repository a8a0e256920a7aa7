import type { SweepIds } from './registry';

export const recipientsSweepIds: SweepIds = async (manager, fx) => {
  const base = `/api/networks/${fx.network.slug}`;
  const recipient = await manager.post(`${base}/recipients`, {
    name: `Sweep recipient of ${fx.network.slug}`,
    email: `sweep.${fx.network.slug}@example.org`,
  });
  if (recipient.status !== 201) throw new Error(`sweep set-up: recipient ${recipient.status} ${JSON.stringify(recipient.body)}`);
  const list = await manager.post(`${base}/distribution-lists`, { name: `Sweep list of ${fx.network.slug}`, recipientIds: [recipient.body.id] });
  if (list.status !== 201) throw new Error(`sweep set-up: distribution list ${list.status} ${JSON.stringify(list.body)}`);
  return { recipientId: recipient.body.id, listId: list.body.id };
};

/** Bodies that pass validation, so that a record-level check reaches the record. */
export const recipientsValidBodies: Record<string, unknown> = {
  'PUT /api/networks/{network}/recipients/{recipientId}': { name: 'Sweep', email: 'sweep.update@example.org' },
  'PUT /api/networks/{network}/distribution-lists/{listId}': { name: 'Sweep list (renamed)' },
};
