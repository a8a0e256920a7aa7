import { Injectable } from '@nestjs/common';
import type { StandardImportPreviewDto, StandardImportResultDto } from '@plexus/contracts';
import { describeAppliesTo } from '@plexus/domain';
import { RequestScopes, StandardCriterion, StandardSection, StandardSetRepository, writeTable, type StandardSetVersion } from '@plexus/server';
import { DomainException } from '../../core/http/domain.exception';
import { TableWorkerPool } from '../../core/upload/table-worker-pool';
import type { UploadedTable } from '../../core/upload/table-upload';
import { STANDARD_EXPORT_COLUMNS, STANDARD_EXPORT_HEADERS, standardExportRows, type StandardInterpretation } from './standard-table';
import { StandardsService } from './standards.service';

/**
 * A standard set's version to and from .xlsx / CSV (Section number, Section title, Criterion number, Criterion, Evidence
 * expected, Applies to). An import replaces the version's sections and criteria, all rows or none: any bad row and
 * nothing is written (400 naming every bad row). The preview reads the file the same way and saves nothing. Files are
 * read in the table worker threads, off the event loop.
 */
@Injectable()
export class StandardTransferService {
  constructor(
    private readonly repo: StandardSetRepository,
    private readonly standards: StandardsService,
    private readonly tables: TableWorkerPool,
  ) {}

  /** The version as a table; an export imports back to the same sections and criteria. Formula-like text is neutralised. */
  async export(versionId: string, format: 'xlsx' | 'csv'): Promise<{ bytes: Buffer; fileName: string }> {
    const version = await this.standards.findVersion(versionId);
    const set = await this.standards.findSet(version.setId);
    const [sections, criteria] = await Promise.all([this.repo.sections(version.id), this.repo.criteria(version.id)]);
    const rows = standardExportRows(
      sections.map((s) => ({
        number: s.number,
        title: s.title,
        criteria: criteria.filter((c) => c.sectionId === s.id).sort((a, b) => a.position - b.position),
      })),
      describeAppliesTo,
    );
    const bytes = await writeTable(
      format,
      `${set.code} v${version.version}`.replace(/[\\/?*[\]:]/g, '-').slice(0, 31),
      STANDARD_EXPORT_COLUMNS.map((c) => STANDARD_EXPORT_HEADERS[c]),
      rows,
    );
    const base = `${set.code}-v${version.version}`.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'standard-set';
    return { bytes, fileName: `${base}.${format}` };
  }

  async preview(versionId: string, file: UploadedTable | undefined): Promise<StandardImportPreviewDto> {
    const { version } = await this.standards.versionForChange(versionId);
    const interpretation = await this.parse(file);
    return { ...interpretation.preview, replaces: await this.current(version) };
  }

  /** Replaces the version's sections and criteria with the file's: all rows, or (any problem) none. */
  async import(versionId: string, file: UploadedTable | undefined): Promise<StandardImportResultDto> {
    const em = RequestScopes.em();
    const { version, set } = await this.standards.versionForChange(versionId);
    const { preview, sections } = await this.parse(file);
    if (!preview.ok) {
      const fields = [
        ...preview.fileProblems.map((message) => ({ field: 'file', message })),
        ...preview.rows.flatMap((r) =>
          r.problems.map((p) => ({ field: `rows.${r.row}${p.field ? `.${p.field}` : ''}`, message: `Row ${r.row}: ${p.message}` })),
        ),
      ];
      throw new DomainException(
        'validation_failed',
        `The file has ${fields.length} problem${fields.length === 1 ? '' : 's'}; nothing was imported`,
        fields,
      );
    }
    await this.standards.removeContent(version.id);
    let criteria = 0;
    sections.forEach((draft, index) => {
      const section = Object.assign(new StandardSection(), {
        networkId: version.networkId,
        versionId: version.id,
        position: index + 1,
        number: draft.number,
        title: draft.title,
      });
      em.persist(section);
      draft.criteria.forEach((c, position) => {
        criteria++;
        em.persist(
          Object.assign(new StandardCriterion(), {
            networkId: version.networkId,
            versionId: version.id,
            sectionId: section.id,
            position: position + 1,
            number: c.number,
            text: c.text,
            evidenceExpected: c.evidenceExpected,
            appliesTo: c.appliesTo,
          }),
        );
      });
    });
    await em.flush();
    return { sections: sections.length, criteria, version: await this.standards.versionDto(version, set) };
  }

  private async current(version: StandardSetVersion): Promise<{ sections: number; criteria: number }> {
    const counts = (await this.repo.counts([version.id])).get(version.id);
    return { sections: counts?.sections ?? 0, criteria: counts?.criteria ?? 0 };
  }

  /** Reads the file in the table worker pool (off the event loop). */
  private async parse(file: UploadedTable | undefined): Promise<StandardInterpretation> {
    if (!file || file.buffer.length === 0) throw DomainException.field('file', 'Choose an Excel (.xlsx) or CSV file of the standard set');
    return this.tables.run({ kind: 'standards', bytes: file.buffer, fileName: file.originalname ?? '' });
  }
}
