import { Injectable } from '@nestjs/common';
import { DELIVERY_STATE_LABELS, RUN_STATE_LABELS, type DeliveryLogDto, type DeliveryLogQuery } from '@plexus/contracts';
import { DocumentLink, RequestScopes, ScheduleRepository, toCsv } from '@plexus/server';
import { DomainException } from '../core/http/domain.exception';
import { toDeliveryDto, toRunDto } from './schedules.mapper';

/** The delivery log: every run and delivery, filterable, as JSON or CSV; and revoking a delivery's link. */
@Injectable()
export class DeliveryLogService {
  constructor(private readonly repo: ScheduleRepository) {}

  async log(query: DeliveryLogQuery): Promise<DeliveryLogDto> {
    this.checkRange(query);
    const runs = await this.repo.runs({ ...query, limit: 500 });
    const deliveries = await this.repo.deliveries({ ...query, limit: 2000 });
    return { runs: runs.map(toRunDto), deliveries: deliveries.map(toDeliveryDto) };
  }

  /** One row per delivery (and per run that sent nothing), formula-like cells neutralised by the CSV writer. */
  async csv(query: DeliveryLogQuery): Promise<Buffer> {
    this.checkRange(query);
    const runs = await this.repo.runs({ ...query, limit: 5000 });
    const deliveries = await this.repo.deliveries({ ...query, limit: 50_000 });
    const header = [
      'Schedule',
      'Period',
      'Run started',
      'Run state',
      'Recipient',
      'Email',
      'Sent as',
      'Delivery state',
      'Attempts',
      'Sent at',
      'SMTP response',
      'Last error',
      'Document SHA-256',
      'Link downloads',
      'Unsubscribed at',
    ];
    const runById = new Map(runs.map((r) => [r.id, r]));
    const rows: Array<Array<string | number | null>> = deliveries.map((d) => {
      const run = runById.get(d.runId);
      return [
        d.scheduleName,
        d.periodKey,
        run ? run.createdAt.toISOString() : '',
        run ? RUN_STATE_LABELS[run.state] : '',
        d.recipientName,
        d.toAddress,
        d.mode === 'link' ? 'Link' : 'Attachment',
        DELIVERY_STATE_LABELS[d.state],
        d.attempts,
        d.sentAt ? d.sentAt.toISOString() : '',
        d.smtpResponse ?? '',
        d.lastError ?? '',
        d.documentSha256 ?? '',
        d.downloads.map((x) => `${x.at} from ${x.ipAddress}`).join('; '),
        d.unsubscribedAt ? d.unsubscribedAt.toISOString() : '',
      ];
    });
    if (!query.recipientId && !query.state) {
      for (const run of runs.filter((r) => r.total === 0)) {
        rows.push([
          run.scheduleName,
          run.periodKey,
          run.createdAt.toISOString(),
          RUN_STATE_LABELS[run.state] + (run.reason ? ` — ${run.reason}` : ''),
          '',
          '',
          '',
          '',
          '',
          '',
          '',
          '',
          run.documentSha256 ?? '',
          '',
          '',
        ]);
      }
    }
    return Buffer.from(toCsv([header, ...rows]), 'utf8');
  }

  async revokeLink(linkId: string): Promise<void> {
    const em = RequestScopes.em();
    const link = await em.findOne(DocumentLink, { id: linkId });
    if (!link) throw DomainException.notFound('link');
    if (!link.revokedAt) {
      link.revokedAt = new Date();
      link.revokedBy = RequestScopes.current()?.userId ?? null;
      await em.flush();
    }
  }

  private checkRange(query: DeliveryLogQuery): void {
    if (query.from && query.to && query.from > query.to) throw DomainException.field('to', 'to must be on or after from');
  }
}
