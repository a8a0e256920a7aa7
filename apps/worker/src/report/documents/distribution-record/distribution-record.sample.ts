import type { DeliveryRow, RunRow } from '@plexus/server';
import { SAMPLE_BRAND, SAMPLE_DATE, SAMPLE_NETWORK } from '../shared/shared.sample';
import { documentViewModel, type DocumentViewModel } from '../shared/view-model';
import { distributionSections } from './distribution-record.view-model';

const run = (i: number, state: RunRow['state']): RunRow => ({
  id: `00000000-0000-4000-8000-00000000000${i}`,
  scheduleId: '00000000-0000-4000-8000-000000000100',
  scheduleName: 'Progress report to <commissioners>',
  periodKey: `2026-${i === 1 ? '04' : '10'}`,
  dueAt: new Date(`2026-${i === 1 ? '04' : '10'}-01T06:00:00Z`),
  trigger: 'schedule',
  state,
  reason: state === 'skipped_unchanged' ? 'The report’s content has not changed since the last delivery' : null,
  documentId: state === 'sent' ? '00000000-0000-4000-8000-000000000200' : null,
  documentSha256: state === 'sent' ? 'a'.repeat(64) : null,
  createdAt: new Date(`2026-${i === 1 ? '04' : '10'}-01T06:00:01Z`),
  finishedAt: new Date(`2026-${i === 1 ? '04' : '10'}-01T06:00:09Z`),
  total: state === 'sent' ? 2 : 0,
  sent: state === 'sent' ? 2 : 0,
  pending: 0,
  retrying: 0,
  givenUp: 0,
});

const delivery = (n: number, extra: Partial<DeliveryRow> = {}): DeliveryRow => ({
  id: `00000000-0000-4000-8000-00000000030${n}`,
  runId: '00000000-0000-4000-8000-000000000001',
  scheduleId: '00000000-0000-4000-8000-000000000100',
  scheduleName: 'Progress report to <commissioners>',
  periodKey: '2026-04',
  recipientId: null,
  recipientName: `Commissioner ${n}`,
  toAddress: `c${n}@icb.example.org`,
  mode: 'attach',
  state: 'sent',
  attempts: 1,
  lastError: null,
  smtpResponse: '250 2.0.0 Ok: queued',
  messageId: `<${n}@plexus.test>`,
  createdAt: new Date('2026-04-01T06:00:09Z'),
  sentAt: new Date('2026-04-01T06:00:12Z'),
  documentSha256: 'a'.repeat(64),
  linkId: null,
  linkExpiresAt: null,
  linkRevokedAt: null,
  downloads: [],
  unsubscribedAt: null,
  ...extra,
});

/** A distribution record of two runs (one sent to two people, one by link and downloaded; one skipped). */
export function distributionRecordSample(): DocumentViewModel {
  const runs = [run(1, 'sent'), run(2, 'skipped_unchanged')];
  const deliveries = [
    delivery(1, { attempts: 2 }),
    delivery(2, {
      mode: 'link',
      downloads: [{ at: '2026-04-02T09:15:00.000Z', ipAddress: '192.0.2.10' }],
      unsubscribedAt: new Date('2026-04-03T10:00:00Z'),
    }),
  ];
  return documentViewModel(
    'distribution_record',
    { network: SAMPLE_NETWORK, brand: SAMPLE_BRAND, todayLong: SAMPLE_DATE },
    {
      title: 'Distribution record',
      subtitle: '“Progress report to <commissioners>”, up to 24 November 2026',
      facts: [{ label: 'Runs', value: '2' }],
      sections: distributionSections(runs, deliveries),
      coverSheet: null,
    },
  );
}
