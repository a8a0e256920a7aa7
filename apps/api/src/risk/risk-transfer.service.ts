import { Injectable } from '@nestjs/common';
import type { RiskImportPreviewDto, RiskImportResultDto, RiskImportRowDto } from '@plexus/contracts';
import { classifyLegacyScore, todayIso } from '@plexus/domain';
import { AppUser, Membership, RequestScopes, Risk, addMonths, beforeOf, currentOf } from '@plexus/server';
import { DomainException } from '../core/http/domain.exception';
import { RiskRepository } from '@plexus/server';
import { RiskService } from './risk.service';
import { EXPORT_HEADERS, mapColumns, readDate, readInt, readTable, readText, writeTable, type Cell, type RiskColumn } from './risk-table';

const REFERENCE = /^([A-Z][A-Z0-9]{0,5})\/(\d{1,5})$/;

interface Candidate {
  row: RiskImportRowDto;
  risk: Risk | null;
}

/** Risk register to and from .xlsx / CSV. Imports are all or nothing: any bad row and nothing is written. */
@Injectable()
export class RiskTransferService {
  constructor(
    private readonly repo: RiskRepository,
    private readonly risks: RiskService,
  ) {}

  async export(format: 'xlsx' | 'csv'): Promise<Buffer> {
    const all = await this.repo.all('all');
    const columns = Object.keys(EXPORT_HEADERS) as RiskColumn[];
    const rows = all.map((r) => {
      const before = beforeOf(r);
      const current = currentOf(r);
      const after = r.likelihoodAfter != null || r.legacyScoreAfter != null;
      const v: Record<RiskColumn, Cell> = {
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
    return writeTable(format, 'Risk register', columns.map((c) => EXPORT_HEADERS[c]), rows);
  }

  async preview(buffer: Buffer | undefined): Promise<RiskImportPreviewDto> {
    const { preview } = await this.parse(buffer);
    return preview;
  }

  async import(buffer: Buffer | undefined): Promise<RiskImportResultDto> {
    const { preview, candidates } = await this.parse(buffer);
    if (!preview.ok) {
      const fields = [
        ...preview.fileProblems.map((message) => ({ field: 'file', message })),
        ...preview.rows.flatMap((r) => r.problems.map((p) => ({ field: `rows.${r.row}.${p.field}`, message: `Row ${r.row}: ${p.message}` }))),
      ];
      throw new DomainException('validation_failed', `The file has ${fields.length} problem${fields.length === 1 ? '' : 's'}; nothing was imported`, fields);
    }
    const em = RequestScopes.em();
    const prefix = await this.repo.prefix();
    const risks = candidates.flatMap((c) => (c.risk ? [c.risk] : []));
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

  private async parse(buffer: Buffer | undefined): Promise<{ preview: RiskImportPreviewDto; candidates: Candidate[] }> {
    if (!buffer || buffer.length === 0) throw DomainException.field('file', 'Choose an Excel (.xlsx) or CSV file of your risk register');
    let table;
    try {
      table = await readTable(buffer);
    } catch {
      throw DomainException.field('file', 'The file could not be read: save it as .xlsx or CSV (UTF-8) and try again');
    }
    const cols = mapColumns(table.headers);
    const columns = Object.fromEntries(Object.entries(cols).map(([k, i]) => [k, table.headers[i as number]]));
    const fileProblems: string[] = [];
    if (cols.description === undefined) fileProblems.push('No "Description" column: the first row must hold the column headers');
    if (cols.dateRegistered === undefined) fileProblems.push('No "Date registered" column');
    if (cols.likelihoodBefore === undefined && cols.scoreBefore === undefined) {
      fileProblems.push('No score before mitigation: give "Likelihood before mitigation" and "Impact before mitigation" columns, or a "Score before mitigation" column');
    }
    if (table.rows.length === 0) fileProblems.push('The file has no rows under its header');
    if (table.rows.length > 1000) fileProblems.push(`The file has ${table.rows.length} rows; import 1000 at most at a time`);
    if (fileProblems.length) return { preview: { rows: [], columns, ok: false, fileProblems }, candidates: [] };

    const em = RequestScopes.em();
    const networkId = RequestScopes.networkId();
    const members = await em.find(Membership, {});
    const users = await em.find(AppUser, { id: { $in: members.map((m) => m.userId) } });
    const byName = new Map(users.map((u) => [u.displayName.toLowerCase(), u]));
    const existing = await this.repo.all('all');
    const takenRefs = new Set(existing.map((r) => r.reference));
    const takenNumbers = new Set(existing.map((r) => r.number));
    const today = todayIso('Europe/London');

    const candidates = table.rows.map((cells, index): Candidate => {
      const get = (c: RiskColumn): Cell => (cols[c] === undefined ? null : (cells[cols[c] as number] ?? null));
      const problems: RiskImportRowDto['problems'] = [];
      const warnings: RiskImportRowDto['warnings'] = [];
      const problem = (field: string, message: string) => problems.push({ field, message });
      const r = Object.assign(new Risk(), { networkId, number: 0, reference: '' });

      const ref = readText(get('reference')).toUpperCase();
      if (ref) {
        const m = REFERENCE.exec(ref);
        if (!m) problem('reference', `"${ref}" is not a reference like SN/07`);
        else if (takenRefs.has(ref) || takenNumbers.has(Number(m[2]))) problem('reference', `${ref} is already used in this register (or in this file); references are never reused`);
        else {
          r.reference = ref;
          r.number = Number(m[2]);
          takenRefs.add(ref);
          takenNumbers.add(r.number);
        }
      }
      r.description = readText(get('description'));
      if (!r.description) problem('description', 'The description is empty');
      if (r.description.length > 4000) problem('description', 'The description is over 4000 characters');
      const registered = readDate(get('dateRegistered'));
      if (!registered.ok) problem('dateRegistered', registered.message);
      else if (!registered.date) problem('dateRegistered', 'The date registered is empty');
      else if (registered.date > today) problem('dateRegistered', 'The date registered is in the future');
      else r.dateRegistered = registered.date;
      r.identifiedBy = readText(get('identifiedBy'));
      r.category = readText(get('category'));
      r.mitigation = readText(get('mitigation'));
      r.outcome = readText(get('outcome'));
      const lead = readText(get('mitigationLead'));
      r.mitigationLeadName = lead;
      r.mitigationLeadUserId = byName.get(lead.toLowerCase())?.id ?? null;

      const side = (which: 'Before' | 'After') => {
        const l = readInt(get(`likelihood${which}`), 1, 5, `Likelihood ${which.toLowerCase()} mitigation`);
        const i = readInt(get(`impact${which}`), 1, 5, `Impact ${which.toLowerCase()} mitigation`);
        const s = readInt(get(`score${which}`), 1, 25, `Score ${which.toLowerCase()} mitigation`);
        if (!l.ok) problem(`likelihood${which}`, l.message);
        if (!i.ok) problem(`impact${which}`, i.message);
        if (!s.ok) problem(`score${which}`, s.message);
        const L = l.ok ? l.value : null;
        const I = i.ok ? i.value : null;
        const S = s.ok ? s.value : null;
        if (l.ok && i.ok && (L == null) !== (I == null)) problem(L == null ? `likelihood${which}` : `impact${which}`, `Give both likelihood and impact ${which.toLowerCase()} mitigation, or neither`);
        if (L != null && I != null) {
          if (S != null && S !== L * I) warnings.push({ field: `score${which}`, message: `The score ${S} is not ${L} × ${I}; ${L * I} is used` });
          return { L, I, legacy: null as number | null };
        }
        if (S != null) {
          const c = classifyLegacyScore(S);
          warnings.push({
            field: `score${which}`,
            message: c.legacy ? `Legacy score ${S}: ${c.reason}` : `Score ${S} imported without likelihood and impact: kept as a legacy value to re-score at the next review`,
          });
          return { L: null, I: null, legacy: S };
        }
        return { L: null, I: null, legacy: null };
      };
      const before = side('Before');
      const after = side('After');
      if (before.L == null && before.legacy == null && !problems.some((p) => p.field.endsWith('Before'))) {
        problem('scoreBefore', 'Give the likelihood and impact before mitigation (or the score)');
      }
      Object.assign(r, {
        likelihoodBefore: before.L,
        impactBefore: before.I,
        legacyScoreBefore: before.legacy,
        likelihoodAfter: after.L,
        impactAfter: after.I,
        legacyScoreAfter: after.legacy,
      });
      const target = readInt(get('targetScore'), 1, 25, 'Target score');
      if (!target.ok) problem('targetScore', target.message);
      else r.targetScore = target.value;
      const freq = readInt(get('reviewFrequencyMonths'), 1, 24, 'Review frequency');
      if (!freq.ok) problem('reviewFrequencyMonths', freq.message);
      else r.reviewFrequencyMonths = freq.value ?? 3;
      const reviewed = readDate(get('lastReviewedOn'));
      if (!reviewed.ok) problem('lastReviewedOn', reviewed.message);
      else if (reviewed.date && r.dateRegistered && reviewed.date < r.dateRegistered) problem('lastReviewedOn', 'The last review is before the date registered');
      else r.lastReviewedOn = reviewed.date;
      const due = readDate(get('nextReviewDue'));
      if (!due.ok) problem('nextReviewDue', due.message);
      else if (r.dateRegistered) r.nextReviewDue = due.date ?? addMonths(r.lastReviewedOn ?? r.dateRegistered, r.reviewFrequencyMonths);
      const status = readText(get('status')).toLowerCase();
      if (status && status !== 'open' && status !== 'closed') problem('status', `Status must be Open or Closed (found "${status}")`);
      if (status === 'closed') {
        r.status = 'closed';
        r.closedOn = r.lastReviewedOn ?? r.dateRegistered ?? null;
        r.closedReason = 'Imported as closed';
      }
      return { row: { row: index + 1, reference: r.reference || null, description: r.description, problems, warnings }, risk: problems.length ? null : r };
    });
    const ok = candidates.every((c) => c.row.problems.length === 0);
    return { preview: { rows: candidates.map((c) => c.row), columns, ok, fileProblems: [] }, candidates };
  }
}
