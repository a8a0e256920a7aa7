import { Injectable } from '@nestjs/common';
import type { RiskImportPreviewDto, RiskImportResultDto } from '@plexus/contracts';
import { todayIso } from '@plexus/domain';
import { AppUser, Membership, RequestScopes, Risk, addMonths, beforeOf, currentOf, writeTable, type ExportCell } from '@plexus/server';
import { DomainException } from '../core/http/domain.exception';
import { RiskRepository } from '@plexus/server';
import { TableWorkerPool } from '../core/upload/table-worker-pool';
import type { UploadedTable } from '../core/upload/table-upload';
import { RiskService } from './risk.service';
import { EXPORT_HEADERS, type RiskColumn, type RiskImportContext } from './risk-table';

/** Risk register to and from .xlsx / CSV. Imports are all or nothing: any bad row and nothing is written. */
@Injectable()
export class RiskTransferService {
  constructor(
    private readonly repo: RiskRepository,
    private readonly risks: RiskService,
    private readonly tables: TableWorkerPool,
  ) {}

  async export(format: 'xlsx' | 'csv'): Promise<Buffer> {
    const all = await this.repo.all('all');
    const columns = Object.keys(EXPORT_HEADERS) as RiskColumn[];
    const rows = all.map((r) => {
      const before = beforeOf(r);
      const current = currentOf(r);
      const after = r.likelihoodAfter != null || r.legacyScoreAfter != null;
      const v: Record<RiskColumn, ExportCell> = {
        reference: r.reference,
        dateRegistered: r.dateRegistered,
        identifiedBy: r.identifiedBy,
        description: r.description,
        category: r.category,
        likelihoodBefore: r.likelihoodBefore,
        impactBefore: r.impactBefore,
        scoreBefore: before.score,
        mitigation: r.mitigation,
        mitigationLead: r.mitigationLeadName,
        likelihoodAfter: r.likelihoodAfter,
        impactAfter: r.impactAfter,
        scoreAfter: after ? current.score : null,
        targetScore: r.targetScore,
        outcome: r.outcome,
        lastReviewedOn: r.lastReviewedOn,
        reviewFrequencyMonths: r.reviewFrequencyMonths,
        nextReviewDue: r.nextReviewDue,
        status: r.status === 'open' ? 'Open' : 'Closed',
      };
      return columns.map((c) => v[c]);
    });
    return writeTable(
      format,
      'Risk register',
      columns.map((c) => EXPORT_HEADERS[c]),
      rows,
    );
  }

  async preview(file: UploadedTable | undefined): Promise<RiskImportPreviewDto> {
    const { preview } = await this.parse(file);
    return preview;
  }

  async import(file: UploadedTable | undefined): Promise<RiskImportResultDto> {
    const { preview, risks } = await this.parse(file);
    if (!preview.ok) {
      const fields = [
        ...preview.fileProblems.map((message) => ({ field: 'file', message })),
        ...preview.rows.flatMap((r) => r.problems.map((p) => ({ field: `rows.${r.row}.${p.field}`, message: `Row ${r.row}: ${p.message}` }))),
      ];
      throw new DomainException(
        'validation_failed',
        `The file has ${fields.length} problem${fields.length === 1 ? '' : 's'}; nothing was imported`,
        fields,
      );
    }
    const em = RequestScopes.em();
    const prefix = await this.repo.prefix();
    const given = risks.filter((r) => r.number > 0);
    if (given.length) await this.repo.counterAtLeast(Math.max(...given.map((r) => r.number)));
    for (const r of risks) {
      if (r.number === 0) {
        r.number = await this.repo.nextNumber();
        r.reference = `${prefix}/${String(r.number).padStart(2, '0')}`;
      }
      em.persist(r);
      this.risks.recordScores(r, 'imported', r.lastReviewedOn ?? r.dateRegistered);
    }
    await em.flush();
    return { imported: risks.length, references: risks.map((r) => r.reference) };
  }

  /** Reads the file in the table worker pool (off the event loop); the rows that have no problems become risks. */
  private async parse(file: UploadedTable | undefined): Promise<{ preview: RiskImportPreviewDto; risks: Risk[] }> {
    if (!file || file.buffer.length === 0) throw DomainException.field('file', 'Choose an Excel (.xlsx) or CSV file of your risk register');
    const em = RequestScopes.em();
    const networkId = RequestScopes.networkId();
    const members = await em.find(Membership, {});
    const users = await em.find(AppUser, { id: { $in: members.map((m) => m.userId) } });
    const existing = await this.repo.all('all');
    const context: RiskImportContext = {
      membersByName: users.map((u) => [u.displayName.toLowerCase(), u.id]),
      takenReferences: existing.map((r) => r.reference),
      takenNumbers: existing.map((r) => r.number),
      today: todayIso('Europe/London'),
    };
    const { preview, drafts } = await this.tables.run({ kind: 'risk', bytes: file.buffer, fileName: file.originalname ?? '', context });
    const risks = drafts.flatMap((draft) => {
      if (!draft) return [];
      const risk = Object.assign(new Risk(), { networkId, ...draft });
      risk.nextReviewDue = draft.nextReviewDue ?? addMonths(draft.lastReviewedOn ?? draft.dateRegistered, draft.reviewFrequencyMonths);
      return [risk];
    });
    return { preview, risks };
  }
}
