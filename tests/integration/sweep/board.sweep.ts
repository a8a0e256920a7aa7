import type { SweepIds } from './registry';

/**
 * A meeting for the meeting-level routes, and a second meeting holding an agenda item, so that the sweep's control
 * DELETE of the meeting (which really deletes it, agenda and all) never removes the item another route still needs.
 */
export const boardSweepIds: SweepIds = async (manager, fx) => {
  const base = `/api/networks/${fx.network.slug}/board`;
  const ok = <T>(res: { status: number; body: T }, what: string): T => {
    if (res.status >= 300) throw new Error(`sweep set-up: ${what} ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const meeting = ok(
    await manager.post(`${base}/meetings`, { meetingDate: '2026-06-11', title: `Sweep board of ${fx.network.slug}` }),
    'meeting',
  ) as {
    id: string;
  };
  const holder = ok(await manager.post(`${base}/meetings`, { meetingDate: '2026-09-10' }), 'meeting') as { id: string };
  const withItem = ok(await manager.post(`${base}/meetings/${holder.id}/agenda-items`, { title: 'Item to sweep' }), 'agenda item') as {
    agenda: Array<{ id: string }>;
  };
  return { meetingId: meeting.id, agendaItemId: withItem.agenda[0].id };
};

/** Bodies that pass validation, so that another network's id is answered by the look-up (404), not by validation. */
export const boardValidBodies: Record<string, unknown> = {
  'PUT /api/networks/{network}/board/meetings/{meetingId}': { meetingDate: '2026-06-12' },
  'PUT /api/networks/{network}/board/meetings/{meetingId}/agenda-order': { agendaItemIds: [] },
  'POST /api/networks/{network}/board/meetings/{meetingId}/agenda-items': { title: 'Sweep item' },
  'PUT /api/networks/{network}/board/agenda-items/{agendaItemId}': { title: 'Sweep item (renamed)' },
};
