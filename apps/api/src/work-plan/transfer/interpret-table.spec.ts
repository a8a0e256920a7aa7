import { financialYearStartOf, parseTimescale } from '@plexus/domain';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KnownPeople } from '../people';
import { readTable, type TableSheet } from '@plexus/server/table-reader';
import { guessColumns, interpretTable, readStatus, splitObjective, type InterpretContext } from './interpret-table';

const fixture = (name: string) => readFileSync(join(__dirname, '../../../../../tests/fixtures/work-plan', name));

const people: KnownPeople = {
  members: new Map([['u-priya', 'Priya Shah']]),
  roles: [{ title: 'Network Manager', personName: 'Priya Shah' }],
};

function context(overrides: Partial<InterpretContext> = {}): InterpretContext {
  return {
    people,
    existingThemes: [],
    readTimescale: (text) => {
      const parsed = parseTimescale(text, { financialYear: financialYearStartOf('2023-04-01') });
      return { parsed, flag: parsed.flag?.reason ?? null };
    },
    ...overrides,
  };
}

/** A sheet of text (no fills, no merged cells), as the reader returns CSV. */
const sheet = (rows: string[][]): TableSheet => ({ name: null, rows, fills: [], merges: [] });

describe('guessing columns from headers', () => {
  it.each([
    [
      ['Work Plan', 'Metric', 'Timescale', 'Lead'],
      ['work', 'measures', 'timescale', 'leads'],
    ],
    [
      ['Key/Team Objective', 'Measurement', 'Work to be done/progress', 'Owner/Lead', 'Timescale'],
      ['objective', 'measures', 'steps', 'leads', 'timescale'],
    ],
    [
      ['National aims and objectives', 'Our actions', 'Timescale', 'Measures of our success'],
      ['objective', 'work', 'timescale', 'measures'],
    ],
    [
      [
        'Theme',
        'Theme description',
        'Objective no.',
        'Objective',
        'Work',
        'Measures of success',
        'Steps',
        'Timescale',
        'Leads',
        'Status',
        'Original timescale',
        'Colour (BRAG)',
        'Days past target',
        'Latest update',
        'Latest update on',
      ],
      [
        'theme',
        'themeDescription',
        'objectiveNumber',
        'objective',
        'work',
        'measures',
        'steps',
        'timescale',
        'leads',
        'status',
        null,
        null,
        null,
        null,
        null,
      ],
    ],
    [
      ['Notes', 'Something else'],
      [null, null],
    ],
  ])('%j', (headers, fields) => {
    expect(guessColumns(headers)).toEqual(fields);
  });

  it('reads statuses in words, keys and colours', () => {
    expect(['On track', 'on_track', 'Green', 'Complete', 'blue', 'At risk', 'RED', '', 'deferred'].map(readStatus)).toEqual([
      'on_track',
      'on_track',
      'on_track',
      'complete',
      'complete',
      'at_risk',
      'off_track',
      'not_started',
      'deferred',
    ]);
    expect(readStatus('Pending')).toBeNull();
    expect(splitObjective('14. Once Spinal Training Interface Group Fellows are approved')).toEqual({
      number: '14',
      title: 'Once Spinal Training Interface Group Fellows are approved',
    });
    expect(splitObjective('No number here')).toEqual({ number: '', title: 'No number here' });
  });
});

describe('interpreting seed 000 (a major trauma work plan pasted from Word)', () => {
  it('finds the seven functions with their sub-headings and every item, with no errors', async () => {
    const table = readTable(fixture('seed-000-major-trauma.tsv'), 'pasted.tsv');
    const result = interpretTable(table.sheets, context());
    expect(result.fileProblems).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.summary.errors).toBe(0);
    expect(result.themes.map((t) => [t.title, t.items])).toEqual([
      ['Function 1 – Service Delivery', 3],
      ['Function 2 - Resources', 3],
      ['Function 3 – Workforce', 2],
      ['Function 4 - Quality', 8],
      ['Function 5 - Collaboration', 7],
      ['Function 6 - Transformation', 5],
      ['Function 7 - Population Health', 2],
    ]);
    expect(result.rows[0]).toMatchObject({
      theme: 'Function 1 – Service Delivery',
      themeDescription: 'Plan and Manage Capacity & Demand',
      work: 'Develop and monitor any Network information systems (e.g. dashboard)',
      measures: ['Development of Dashboards'],
      timescale: { text: 'Q4 2023/24', kind: 'range', flag: null },
      leads: [{ label: 'Information Analyst Specialist', known: false, userId: null }],
    });
    expect(result.rows[1].leads.map((l) => [l.label, l.userId])).toEqual([
      ['Network Medical Lead', null],
      ['Network Rehab Director', null],
      ['Network Manager', 'u-priya'],
    ]);
    const annual = result.rows.find((r) => r.work === 'Produce an annual report');
    expect(annual?.timescale).toMatchObject({ kind: 'range', label: 'Q4 2023/24; Q4 2024/25' });
    const tred = result.rows.find((r) => r.work.startsWith('Support incident reporting'));
    expect(tred?.measures).toEqual([
      'Maintained TRED process with suitable meetings.',
      'Actions developed and shared',
      'Items escalated as appropriate',
    ]);
    const pathways = result.rows.find((r) => r.work.startsWith('Support development of and improvement of'));
    expect(pathways?.work).toBe('Support development of and improvement of:\n• Spinal Pathways\n• Frailty Pathways');
    // The one row with no timescale is kept and flagged, not dropped.
    const undated = result.rows.find((r) => r.work.startsWith('Support the system to identify studies'));
    expect(undated?.timescale).toMatchObject({ text: '', kind: 'unparsed', flag: 'No timescale given' });
    expect(undated?.problems).toEqual([
      expect.objectContaining({ field: 'timescale', severity: 'warning' }),
      expect.objectContaining({ field: 'leads' }),
    ]);
    expect(result.summary.flaggedTimescales).toBe(1);
  });
});

describe('interpreting seed 001 (a spinal work plan with strategic objectives and numbered objectives, as CSV)', () => {
  it('finds the four strategic objectives, fifteen numbered objectives, and flags the "20017" typos', async () => {
    const table = readTable(fixture('seed-001-spinal-work-plan.csv'), 'spinal.csv');
    const result = interpretTable(table.sheets, context());
    expect(result.ok).toBe(true);
    expect(result.themes.map((t) => [t.title, t.items])).toEqual([
      ['Quality Strategic Objective', 7],
      ['Innovation Strategic Objective', 2],
      ['Productivity Strategic Objective', 4],
      ['Prevention Strategic Objective', 3],
    ]);
    expect(result.summary.objectives).toBe(16);
    expect(result.rows[0]).toMatchObject({
      themeDescription: 'To improve the quality of spinal services and outcomes for spinal patients throughout the region',
      objective: {
        number: '1',
        title: 'To identify Network boundaries and agree the Network Structure within the Region (with or without sub-networks).',
      },
      work: 'To identify Network boundaries and agree the Network Structure within the Region (with or without sub-networks).',
      timescale: { text: 'January to March 2017', kind: 'range', flag: null },
    });
    expect(result.rows[0].measures).toHaveLength(5);
    expect(result.rows[0].steps[0]).toMatch(/^Initial meeting to define Network/);
    expect(result.rows[0].leads).toHaveLength(1);
    const typos = result.rows.filter((r) => r.timescale.text === 'April to July 20017');
    expect(typos).toHaveLength(5);
    expect(typos.every((r) => r.timescale.kind === 'unparsed' && /20017/.test(r.timescale.flag ?? ''))).toBe(true);
    expect(result.rows.find((r) => r.objective?.number === '9')?.timescale.kind).toBe('as_required');
    expect(result.rows.find((r) => r.timescale.text === 'Unsure at present')?.timescale.kind).toBe('tbc');
  });
});

describe('interpreting bad and mixed tables', () => {
  it('names each row’s problems: missing work, unknown statuses, too many characters', () => {
    const rows = [
      ['Theme', 'Work', 'Timescale', 'Lead', 'Status'],
      ['Quality', 'Good row', 'Q1 2024/25', 'Network Manager', 'On track'],
      ['Quality', '', 'Q2 2024/25', 'Nobody', ''],
      ['Quality', 'x'.repeat(2001), 'sometime soon', '', 'Pending'],
    ];
    const result = interpretTable([sheet(rows)], context());
    expect(result.ok).toBe(false);
    expect(result.rows.map((r) => r.problems.map((p) => `${p.severity}:${p.field}`))).toEqual([
      [],
      ['error:work', 'warning:leads'],
      ['error:work', 'warning:timescale', 'warning:status'],
    ]);
    expect(result.rows.map((r) => r.row)).toEqual([2, 3, 4]);
    expect(result.summary).toMatchObject({ items: 3, errors: 2, unknownLeads: 1, flaggedTimescales: 1 });
  });

  it('says when there is no header row, or nothing under it', () => {
    expect(
      interpretTable(
        [
          sheet([
            ['just', 'some'],
            ['text', 'here'],
          ]),
        ],
        context(),
      ).fileProblems[0],
    ).toMatch(/No header row found/);
    expect(interpretTable([sheet([['Work', 'Lead']])], context()).fileProblems[0]).toMatch(/no rows of work/);
  });

  it('follows the columns the manager chose instead of the guess', () => {
    const rows = [
      ['Task', 'Person', 'When'],
      ['Do the thing', 'Network Manager', 'Q1 2024/25'],
    ];
    const guessed = interpretTable([sheet(rows)], context());
    expect(guessed.columns.map((c) => c.field)).toEqual(['work', null, 'timescale']);
    const chosen = interpretTable([sheet(rows)], context({ columns: ['work', 'leads', 'timescale'] }));
    expect(chosen.rows[0].leads).toEqual([{ label: 'Network Manager', userId: 'u-priya', known: true }]);
  });

  it('continues an objective down the rows below it (seed 003’s layout) and puts rows under the default theme', () => {
    const rows = [
      ['National aims and objectives', 'Our actions', 'Timescale', 'Measures of our success'],
      ['2. Provide targeted improvement support', 'Annual review of performance', '2017-18', 'Reflective baseline'],
      ['', 'Work with local maternity systems to support action planning', '', 'A network-supported plan'],
    ];
    const result = interpretTable([sheet(rows)], context({ defaultTheme: 'Business plan 2017–18' }));
    expect(result.rows.map((r) => [r.theme, r.objective?.number, r.work])).toEqual([
      ['Business plan 2017–18', '2', 'Annual review of performance'],
      ['Business plan 2017–18', '2', 'Work with local maternity systems to support action planning'],
    ]);
    expect(result.summary.objectives).toBe(1);
  });
});

describe('interpreting a real network spreadsheet (merged banners, references, "/" leads, RAG fills)', () => {
  const header = ['Ref', 'Action', 'Lead', 'Due', 'RAG'];
  const workbook = (fills: TableSheet['fills'], rag = 'RAG'): TableSheet => ({
    name: 'Work plan',
    rows: [
      ['Network work plan 2024/25', '', '', '', ''],
      [...header.slice(0, 4), rag],
      ['Capacity and Flow', '', '', '', ''],
      ['1.1', 'Publish a capacity dashboard', 'Network Manager / Information Analyst', 'Q2 2024/25', ''],
      ['1.2', 'Agree repatriation standards', 'Network Chair\nNetwork Manager', 'Q3 2024/25', ''],
      ['Workforce', '', '', '', ''],
      ['3.4', 'Run the annual rehab study day', 'Rehab Lead', 'Q4 2024/25', ''],
    ],
    fills,
    merges: [
      { top: 0, left: 0, bottom: 0, right: 4 },
      { top: 2, left: 0, bottom: 2, right: 4 },
      { top: 5, left: 0, bottom: 5, right: 4 },
    ],
  });
  const fills: TableSheet['fills'] = [
    undefined,
    undefined,
    ['1F4E78', '1F4E78', '1F4E78', '1F4E78', '1F4E78'],
    [null, null, null, null, 'FF0000'],
    [null, null, null, null, 'FFC000'],
    undefined,
    [null, null, null, null, '00B050'],
  ];

  it('makes banners themes, keeps the references, splits leads, and takes the status from the colour', () => {
    const result = interpretTable([workbook(fills, '')], context());
    expect(result.ok).toBe(true);
    expect(result.rows.map((r) => [r.theme, r.reference, r.work, r.leads.map((l) => l.label), r.status])).toEqual([
      ['Capacity and Flow', '1.1', 'Publish a capacity dashboard', ['Network Manager', 'Information Analyst'], 'off_track'],
      ['Capacity and Flow', '1.2', 'Agree repatriation standards', ['Network Chair', 'Network Manager'], 'at_risk'],
      ['Workforce', '3.4', 'Run the annual rehab study day', ['Rehab Lead'], 'on_track'],
    ]);
    expect(result.rows.map((r) => r.objective)).toEqual([null, null, null]);
    expect(result.notes).toEqual([
      "Row 3 'Capacity and Flow' spans the table: used as a theme.",
      "Row 6 'Workforce' spans the table: used as a theme.",
      "References kept from column A ('Ref') for 3 rows: the items keep them rather than being numbered.",
      'Leads split at "/" or line breaks in 2 rows.',
      'Status taken from cell colour in column E for 3 rows.',
    ]);
  });

  it('uses the status column’s colour where its cell is empty, and its words where it has them', () => {
    const sheet = workbook(fills);
    sheet.rows[4][4] = 'Complete';
    const result = interpretTable([sheet], context());
    expect(result.columns.map((c) => c.field)).toEqual(['reference', 'work', 'leads', 'timescale', 'status']);
    expect(result.rows.map((r) => r.status)).toEqual(['off_track', 'complete', 'on_track']);
    expect(result.notes).toContain("Status taken from cell colour in column E ('RAG') for 2 rows.");
  });

  it('reads a "No" column whose numbers repeat down the objectives as the objective number', () => {
    const rows = [
      ['No', 'Objective', 'Action'],
      ['1', 'Improve access', 'Map the pathways'],
      ['1', '', 'Agree the standards'],
      ['2', 'Grow the workforce', 'Study day'],
    ];
    const result = interpretTable([sheet(rows)], context());
    expect(result.rows.map((r) => [r.reference, r.objective?.number, r.objective?.title])).toEqual([
      ['', '1', 'Improve access'],
      ['', '1', 'Improve access'],
      ['', '2', 'Grow the workforce'],
    ]);
    expect(result.notes[0]).toMatch(/^Column A \('No'\) repeats its numbers down the objectives/);
  });

  it('does not take colours that are no RAG (banding, greys) as statuses', () => {
    const banded: TableSheet['fills'] = [
      undefined,
      undefined,
      undefined,
      ['DDEBF7', 'DDEBF7', 'DDEBF7', 'DDEBF7', 'DDEBF7'],
      ['D9D9D9', 'D9D9D9', 'D9D9D9', 'D9D9D9', 'D9D9D9'],
    ];
    const result = interpretTable([workbook(banded, '')], context());
    expect(result.rows.map((r) => r.status)).toEqual(['not_started', 'not_started', 'not_started']);
    expect(result.notes.some((n) => n.startsWith('Status taken'))).toBe(false);
  });
});
