import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { AnnualReportDraftDto, createAnnualReportDraftSchema, updateAnnualReportDraftSchema } from '@plexus/contracts';
import { financialYearRange, parseFinancialYearLabel } from '@plexus/domain';
import { AnnualReportDraft, AnnualReportRepository, APP_CONFIG, JobQueue, RequestScopes, WorkPlanRepository, type AppConfig } from '@plexus/server';
import type { z } from 'zod';
import { DomainException } from '../core/http/domain.exception';
import { toAnnualReportDraftDto } from './annual-report.mapper';

type Out<S extends z.ZodType> = z.output<S>;

/** The annual report's narrative drafts: one per financial year, written by managers between sittings. */
@Injectable()
export class AnnualReportService {
  constructor(
    private readonly repo: AnnualReportRepository,
    private readonly plans: WorkPlanRepository,
    private readonly jobs: JobQueue,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'REPORT_PREVIEW_TIMEOUT_MS'>,
  ) {}

  /**
   * The report's pages as HTML from what is saved, drawn by a worker with the PDF's own templates (nothing CPU-heavy
   * here, nothing stored). A worker that does not answer in time: 503 with Retry-After.
   */
  async preview(id: string): Promise<string> {
    const draft = await this.load(id);
    const report = { kind: 'annual_report', title: `Annual report ${draft.fy}`, options: { fy: draft.fy } };
    const answer = (await this.jobs.runAndWait(
      'report.preview',
      { networkId: RequestScopes.networkId(), previewId: randomUUID(), report },
      this.config.REPORT_PREVIEW_TIMEOUT_MS,
    )) as { html?: unknown } | null;
    if (!answer || typeof answer.html !== 'string') {
      throw new DomainException(
        'unavailable',
        'The preview is taking longer than usual: the report workers are busy. Try again in a moment.',
        undefined,
        {
          'Retry-After': '10',
        },
      );
    }
    return answer.html;
  }

  async list(): Promise<AnnualReportDraftDto[]> {
    const drafts = await this.repo.drafts();
    return Promise.all(drafts.map((d) => this.dto(d)));
  }

  async get(id: string): Promise<AnnualReportDraftDto> {
    return this.dto(await this.load(id));
  }

  async create(input: Out<typeof createAnnualReportDraftSchema>, actorName: string): Promise<AnnualReportDraftDto> {
    await this.checkPlan(input.planId);
    const existing = await this.repo.draftFor(input.fy);
    if (existing) {
      throw new DomainException('conflict', `There is already an annual report for ${input.fy}: open it to carry on.`, [
        { field: 'fy', message: `There is already an annual report for ${input.fy}` },
      ]);
    }
    const draft = Object.assign(new AnnualReportDraft(), {
      networkId: RequestScopes.networkId(),
      fy: input.fy,
      planId: input.planId,
      chairForeword: input.chairForeword,
      highlights: input.highlights,
      priorities: input.priorities,
      updatedByName: actorName,
    });
    RequestScopes.em().persist(draft);
    await RequestScopes.em().flush();
    return this.dto(draft);
  }

  async update(id: string, input: Out<typeof updateAnnualReportDraftSchema>, actorName: string): Promise<AnnualReportDraftDto> {
    const draft = await this.load(id);
    if (draft.version !== input.version) {
      throw new DomainException(
        'version_conflict',
        'Someone else changed this annual report since you opened it. Reload to see their changes, then make yours again.',
        [{ field: 'version', message: `You edited version ${input.version}; the report is now at version ${draft.version}` }],
      );
    }
    await this.checkPlan(input.planId);
    Object.assign(draft, {
      planId: input.planId,
      chairForeword: input.chairForeword,
      highlights: input.highlights,
      priorities: input.priorities,
      updatedByName: actorName,
    });
    draft.version += 1;
    await RequestScopes.em().flush();
    return this.dto(draft);
  }

  async remove(id: string): Promise<void> {
    const draft = await this.load(id);
    RequestScopes.em().remove(draft);
    await RequestScopes.em().flush();
  }

  private async load(id: string): Promise<AnnualReportDraft> {
    const draft = await this.repo.draft(id);
    if (!draft) throw DomainException.notFound('annual report');
    return draft;
  }

  /** A chosen plan must be one of this network's (another network's answers as if it did not exist). */
  private async checkPlan(planId: string | null): Promise<void> {
    if (planId && !(await this.plans.plan(planId))) {
      throw new DomainException('not_found', 'That plan was not found in this network', [
        { field: 'planId', message: 'Choose a plan of this network' },
      ]);
    }
  }

  private async dto(draft: AnnualReportDraft): Promise<AnnualReportDraftDto> {
    const year = financialYearRange(parseFinancialYearLabel(draft.fy) ?? 2000);
    const plan = draft.planId ? await this.plans.plan(draft.planId) : await this.repo.planForYear(year);
    return toAnnualReportDraftDto(draft, year, plan);
  }
}
