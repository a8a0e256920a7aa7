import { Injectable } from '@nestjs/common';
import { requestReportSchema } from '@plexus/contracts';
import { TenantDb, type JobPayloads } from '@plexus/server';
import { UnrecoverableError, type Job } from 'bullmq';
import { buildDocument } from '../report/documents/registry';
import { TemplateEngine } from '../report/documents/template-engine';
import { newMarker } from '../report/render/pdf-renderer';
import type { JobHandler } from './job-handler';

/**
 * A report's pages as HTML before it is generated: the view model built in the network's context, drawn by the same
 * templates as the PDF (no Chromium, nothing stored). The API waits for the answer and serves it to the person asking.
 */
@Injectable()
export class ReportPreviewJob implements JobHandler<'report.preview'> {
  static readonly jobName = 'report.preview' as const;

  constructor(
    private readonly db: TenantDb,
    private readonly templates: TemplateEngine,
  ) {}

  async handle(job: Job<JobPayloads['report.preview']>): Promise<{ html: string }> {
    const { networkId, report } = job.data;
    const parsed = requestReportSchema.safeParse(report);
    if (!parsed.success) throw new UnrecoverableError('The preview was asked for with a request the schema refuses');
    const title = parsed.data.title ?? 'Preview';
    const vm = await this.db.inNetwork({ userId: null, networkId }, () => buildDocument(parsed.data, title));
    return { html: this.templates.render(parsed.data.kind, vm, newMarker()).html };
  }
}
