import { DocumentLink } from '@plexus/server';
import { createHash, randomBytes } from 'node:crypto';
import type { SweepIds } from './registry';

/**
 * A schedule (to a recipient of its own), one run of it ("send now"; no worker runs in the sweeps, so it stays
 * pending) and a download link. Links are made by the worker when it delivers a run; the sweep only needs the id of
 * one in the fixture's network, so it writes the row as the worker would, for a document of the network.
 */
export const schedulesSweepIds: SweepIds = async (manager, fx, db) => {
  const base = `/api/networks/${fx.network.slug}`;
  const recipient = await manager.post(`${base}/recipients`, {
    name: `Schedule sweep recipient of ${fx.network.slug}`,
    email: `sweep.schedule.${fx.network.slug}@example.org`,
  });
  if (recipient.status !== 201) throw new Error(`sweep set-up: recipient ${recipient.status} ${JSON.stringify(recipient.body)}`);
  const schedule = await manager.post(`${base}/schedules`, {
    name: `Sweep schedule of ${fx.network.slug}`,
    report: { kind: 'risk_register' },
    recurrence: { kind: 'first_working_day', time: '07:00' },
    recipientIds: [recipient.body.id],
    delivery: 'link',
  });
  if (schedule.status !== 201) throw new Error(`sweep set-up: schedule ${schedule.status} ${JSON.stringify(schedule.body)}`);
  const run = await manager.post(`${base}/schedules/${schedule.body.id}/send-now`);
  if (run.status !== 202) throw new Error(`sweep set-up: send now ${run.status} ${JSON.stringify(run.body)}`);
  const report = await manager.post(`${base}/reports`, { kind: 'risk_register', title: `Sweep linked report of ${fx.network.slug}` });
  if (report.status !== 202) throw new Error(`sweep set-up: report ${report.status} ${JSON.stringify(report.body)}`);
  const link = await db.inNetwork({ userId: null, networkId: fx.network.id }, async ({ em }) => {
    const row = Object.assign(new DocumentLink(), {
      networkId: fx.network.id,
      documentId: report.body.id as string,
      tokenHash: createHash('sha256').update(randomBytes(32).toString('base64url')).digest('hex'),
      expiresAt: new Date(Date.now() + 30 * 86_400_000),
    });
    em.persist(row);
    await em.flush();
    return row;
  });
  return { scheduleId: schedule.body.id, linkId: link.id };
};

/** Bodies that pass validation, so that a record-level check reaches the record. */
export const schedulesValidBodies: Record<string, unknown> = {
  'PUT /api/networks/{network}/schedules/{scheduleId}': {
    name: 'Sweep schedule (changed)',
    report: { kind: 'progress' },
    recurrence: { kind: 'twice_yearly', months: [4, 10], on: 'first_working_day', time: '07:00' },
    recipientIds: ['6f1c2a3e-8b4d-4c5e-9f60-718293a4b5c6'],
  },
};
