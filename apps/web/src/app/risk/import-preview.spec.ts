import type { RiskImportPreviewDto } from '@plexus/contracts';
import { importedMessage, mergeImportFailure, previewErrors } from './import-preview';

const PREVIEW: RiskImportPreviewDto = {
  rows: [
    { row: 1, reference: 'SN/01', description: 'RTT 18 weeks', problems: [], warnings: [] },
    { row: 2, reference: 'SN/02', description: 'PROMS', problems: [], warnings: [{ field: 'scoreBefore', message: '7 is kept as a legacy score' }] },
    { row: 3, reference: null, description: '', problems: [{ field: 'description', message: 'Describe the risk' }], warnings: [] },
  ],
  columns: { reference: 'Risk Number', description: 'Description' },
  ok: false,
  fileProblems: [],
};

describe('import preview errors', () => {
  it('lists every bad row’s problems for the error summary, naming the row and the field', () => {
    expect(previewErrors(PREVIEW)).toEqual({ 'rows.3.problems.0': 'Row 3: Description – Describe the risk' });
    expect(previewErrors({ ...PREVIEW, rows: [], fileProblems: ['There is no header row'] })).toEqual({ 'fileProblems.0': 'There is no header row' });
  });

  it('puts the import’s 400 fields on their rows, and the rest on the whole file', () => {
    const clean = { ...PREVIEW, ok: true, rows: PREVIEW.rows.slice(0, 2) };
    const { preview, formError } = mergeImportFailure(clean, {
      statusCode: 400,
      code: 'validation_failed',
      message: 'Some rows are not valid',
      fields: [
        { field: 'rows.2.likelihoodBefore', message: 'must be from 1 to 5' },
        { field: 'rows.9.impactBefore', message: 'must be from 1 to 5' },
      ],
    });
    expect(preview.ok).toBe(false);
    expect(preview.rows[1].problems).toEqual([{ field: 'likelihoodBefore', message: 'must be from 1 to 5' }]);
    expect(previewErrors(preview)).toEqual({ 'rows.2.problems.0': 'Row 2 (SN/02): Likelihood before mitigation – must be from 1 to 5' });
    expect(formError).toBe('must be from 1 to 5');
  });

  it('says which references were imported', () => {
    expect(importedMessage({ imported: 3, references: ['SN/06', 'SN/07', 'SN/08'] })).toBe('3 risks have been imported: SN/06, SN/07 and SN/08.');
    expect(importedMessage({ imported: 1, references: ['SN/06'] })).toBe('1 risk has been imported: SN/06.');
  });
});
