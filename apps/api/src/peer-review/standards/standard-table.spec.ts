import { describeAppliesTo } from '@plexus/domain';
import type { Table } from '@plexus/server/table-reader';
import {
  DEFAULT_SECTION_TITLE,
  interpretStandardTable,
  mapStandardColumns,
  standardExportRows,
  STANDARD_EXPORT_COLUMNS,
  STANDARD_EXPORT_HEADERS,
} from './standard-table';

const table = (rows: string[][], more: string[][][] = []): Table => ({
  format: 'csv',
  sheets: [rows, ...more].map((r, i) => ({ name: more.length ? `Sheet ${i + 1}` : null, rows: r, fills: [], merges: [] })),
});
const HEADER = STANDARD_EXPORT_COLUMNS.map((c) => STANDARD_EXPORT_HEADERS[c]);

describe('reading a standard set from a table', () => {
  it('recognises the columns by the names people use', () => {
    expect(mapStandardColumns(HEADER)).toEqual({
      sectionNumber: 0,
      sectionTitle: 1,
      criterionNumber: 2,
      criterion: 3,
      evidenceExpected: 4,
      appliesTo: 5,
    });
    expect(mapStandardColumns(['Ref', 'Section', 'Measure', 'Evidence required', 'Applicable to'])).toEqual({
      criterionNumber: 0,
      sectionTitle: 1,
      criterion: 2,
      evidenceExpected: 3,
      appliesTo: 4,
    });
    expect(mapStandardColumns(['Criteria', 'Evidence', 'R', 'A', 'G', 'Identified Gaps', 'Comments'])).toEqual({ criterion: 0, evidenceExpected: 1 });
  });

  it('groups criteria under sections given once above them or on every row, in the order they first appear', () => {
    const { preview, sections } = interpretStandardTable(
      table([
        ['Title of the document'],
        HEADER,
        ['1', 'Leadership', '', '', '', ''],
        ['', '', '1.1', 'A network clinical lead', 'Job plan', 'MTC'],
        ['2', 'Transfers', '2.1', 'Transfers audited', '', ''],
        ['1', 'Leadership', '1.2', 'An annual report', '', 'All'],
        ['', '', '2.2', 'Back under the section above: Leadership', '', ''],
      ]),
    );
    expect(preview.ok).toBe(true);
    expect(preview.rows.map((r) => r.problems)).toEqual([[], [], [], [], []]);
    expect(sections.map((s) => [s.number, s.title, s.criteria.map((c) => c.number)])).toEqual([
      ['1', 'Leadership', ['1.1', '1.2', '2.2']],
      ['2', 'Transfers', ['2.1']],
    ]);
    expect(sections[0].criteria[0]).toEqual({
      number: '1.1',
      text: 'A network clinical lead',
      evidenceExpected: 'Job plan',
      appliesTo: ['major_trauma_centre'],
    });
    expect(preview).toMatchObject({ sections: 2, criteria: 4, fileProblems: [] });
  });

  it('puts every criterion of a file without section columns into one section', () => {
    const { preview, sections } = interpretStandardTable(
      table([
        ['Criteria', 'Evidence'],
        ['Waiting times', 'Breaches by provider'],
      ]),
    );
    expect(preview.ok).toBe(true);
    expect(sections).toEqual([
      {
        number: '',
        title: DEFAULT_SECTION_TITLE,
        criteria: [{ number: '', text: 'Waiting times', evidenceExpected: 'Breaches by provider', appliesTo: [] }],
      },
    ]);
  });

  it('names every problem of every row, and gives no sections to write', () => {
    const { preview, sections } = interpretStandardTable(
      table([
        HEADER,
        ['', '', '0.1', 'Before any section', '', ''],
        ['1', 'Leadership', '1.1', 'Fine', '', ''],
        ['1', 'Governance', '1.2', 'Same number, another title', '', ''],
        ['2', '', '2.1', 'No title', '', ''],
        ['3', 'Data', '1.1', '', 'Evidence but no criterion', 'Hospice'],
        ['4', 'Flow', '4.1', `x\u202ey`, '', ''],
        ['5', 'Long', '5.1', 'x'.repeat(4001), '', ''],
      ]),
    );
    expect(preview.ok).toBe(false);
    expect(sections).toEqual([]);
    expect(preview.rows.map((r) => [r.row, r.problems.map((p) => p.field)])).toEqual([
      [1, ['sectionTitle']],
      [2, []],
      [3, ['sectionTitle']],
      [4, ['sectionTitle']],
      [5, ['appliesTo', 'criterion', 'criterionNumber']],
      [6, ['criterion']],
      [7, ['criterion']],
    ]);
    expect(preview.rows[4].problems.find((p) => p.field === 'criterionNumber')?.message).toBe(
      'Criterion number 1.1 is also on row 2: numbers are unique in a set',
    );
    expect(preview.rows[5].problems[0].message).toMatch(/invisible text-direction character/);
    expect(preview.rows[6].problems[0].message).toBe('Criterion is 4001 characters long; 4000 at most');
  });

  it('keeps one-line fields on one line and trims the criterion’s lines', () => {
    const { sections } = interpretStandardTable(table([HEADER, ['1', 'Lead\nership', '1.1', '  First line  \n\n\n\nSecond line  ', '', '']]));
    expect(sections[0].title).toBe('Lead ership');
    expect(sections[0].criteria[0].text).toBe('First line\n\nSecond line');
  });

  it('says what is wrong with a file that is not a standard set', () => {
    expect(
      interpretStandardTable(
        table([
          ['Theme', 'Work'],
          ['A', 'B'],
        ]),
      ).preview.fileProblems[0],
    ).toMatch(/No header row with a "Criterion" column/);
    expect(interpretStandardTable(table([HEADER])).preview.fileProblems).toEqual(['The file has no rows under its header']);
    expect(interpretStandardTable(table([HEADER, ['1', 'Only a section', '', '', '', '']])).preview.fileProblems[0]).toMatch(/no criteria/);
    const many = interpretStandardTable(table([HEADER, ...Array.from({ length: 2001 }, (_, i) => ['1', 'S', `${i}`, 'C', '', ''])]));
    expect(many.preview.fileProblems).toEqual(['The file has 2001 rows; a set holds 2000 criteria at most']);
  });

  it('finds the set on a later sheet when the first holds notes', () => {
    const { preview } = interpretStandardTable(table([['Notes'], ['Read me']], [[HEADER, ['1', 'S', '1.1', 'C', '', '']]]));
    expect(preview.ok).toBe(true);
  });

  it('writes an export that reads back to the same sections and criteria', () => {
    const original = [
      {
        number: '1',
        title: 'Leadership',
        criteria: [
          {
            number: '1.1',
            text: 'A lead',
            evidenceExpected: 'Plan\nand minutes',
            appliesTo: ['major_trauma_centre' as const, 'trauma_unit' as const],
          },
        ],
      },
      { number: '2', title: 'No criteria yet', criteria: [] },
      { number: '', title: 'Unnumbered', criteria: [{ number: '', text: 'For everyone', evidenceExpected: '', appliesTo: [] }] },
    ];
    const rows = standardExportRows(original, describeAppliesTo);
    expect(rows[0]).toEqual(['1', 'Leadership', '1.1', 'A lead', 'Plan\nand minutes', 'Major trauma centre, Trauma unit']);
    expect(rows[1]).toEqual(['2', 'No criteria yet', '', '', '', '']);
    expect(rows[2][5]).toBe('All organisations');
    const back = interpretStandardTable(table([HEADER, ...rows]));
    expect(back.preview.ok).toBe(true);
    expect(back.sections).toEqual(original);
  });
});
