import { DELIVERY_STATE_LABELS, RUN_STATE_LABELS } from '@plexus/contracts';
import { formatIsoDateLong } from '@plexus/domain';
import { ReportSchedule, RequestScopes, ScheduleRepository, type DeliveryRow, type RunRow } from '@plexus/server';
import { loadNetworkView } from '../shared/network-view';
import { documentViewModel, type DocumentViewModel, type ReportRequestOf, type SectionView } from '../shared/view-model';

const london = (d: Date) =>
  d.toLocaleString('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/** Every run with its deliveries, one table per run, as the delivery log holds them: a record to attach to board minutes. */
export function distributionSections(runs: RunRow[], deliveries: DeliveryRow[]): Array<Omit<SectionView, 'number' | 'id'>> {
  const sent = deliveries.filter((d) => d.state === 'sent').length;
  const summary = {
    title: 'Summary',
    partial: 'distributionSummary',
    data: {
      rows: [
        { label: 'Runs', value: String(runs.length) },
        { label: 'Runs sent', value: String(runs.filter((r) => r.state === 'sent').length) },
        { label: 'Runs skipped (unchanged or nobody to send to)', value: String(runs.filter((r) => r.state.startsWith('skipped')).length) },
        { label: 'Runs failed', value: String(runs.filter((r) => r.state === 'failed').length) },
        { label: 'Emails delivered', value: `${sent} of ${deliveries.length}` },
        { label: 'Link downloads', value: String(deliveries.reduce((n, d) => n + d.downloads.length, 0)) },
      ],
    },
  };
  const byRun = new Map<string, DeliveryRow[]>();
  for (const d of deliveries) byRun.set(d.runId, [...(byRun.get(d.runId) ?? []), d]);
  const runRows = runs.map((r) => ({
    schedule: r.scheduleName,
    period: r.periodKey,
    started: london(r.createdAt),
    state: RUN_STATE_LABELS[r.state] + (r.reason && r.state !== 'sent' ? ` — ${r.reason}` : ''),
    checksum: r.documentSha256 ? `${r.documentSha256.slice(0, 16)}…` : '—',
    deliveries: (byRun.get(r.id) ?? []).map((d) => ({
      recipient: d.recipientName,
      address: d.toAddress,
      mode: d.mode === 'link' ? 'Link' : 'Attachment',
      state: DELIVERY_STATE_LABELS[d.state],
      sentAt: d.sentAt ? london(d.sentAt) : '—',
      attempts: d.attempts,
      smtp: d.smtpResponse ?? d.lastError ?? '',
      downloads: d.downloads.length ? d.downloads.map((x) => `${london(new Date(x.at))} (${x.ipAddress})`).join('; ') : '',
      unsubscribed: d.unsubscribedAt ? `Unsubscribed ${london(d.unsubscribedAt)}` : '',
    })),
  }));
  return [summary, { title: 'Runs and deliveries', partial: 'distributionRuns', data: { runs: runRows, empty: 'No runs in this period.' } }];
}

/** The distribution record: the delivery log of one schedule (or all) over a period, as a PDF. */
export async function buildDistributionRecordDocument(request: ReportRequestOf<'distribution_record'>, title: string): Promise<DocumentViewModel> {
  const { network, brand, todayLong } = await loadNetworkView();
  const repo = new ScheduleRepository();
  const { scheduleId, from, to } = request.options;
  const schedule = scheduleId ? await RequestScopes.em().findOne(ReportSchedule, { id: scheduleId }) : null;
  const runs = (await repo.runs({ scheduleId, from, to, limit: 2000 })).reverse();
  const deliveries = await repo.deliveries({ runIds: runs.map((r) => r.id), limit: 20_000 });
  deliveries.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.toAddress.localeCompare(b.toAddress));
  const period = from || to ? `${from ? formatIsoDateLong(from) : 'the start'} to ${to ? formatIsoDateLong(to) : todayLong}` : `up to ${todayLong}`;
  return documentViewModel(
    'distribution_record',
    { network, brand, todayLong },
    {
      title,
      subtitle: `${schedule ? `“${schedule.name}”` : 'Every scheduled report'}, ${period}`,
      facts: [
        { label: 'Schedule', value: schedule ? schedule.name : 'All schedules' },
        { label: 'Period', value: period },
        { label: 'Runs', value: String(runs.length) },
        { label: 'Emails', value: String(deliveries.length) },
      ],
      sections: distributionSections(runs, deliveries),
      coverSheet: null,
    },
  );
}
