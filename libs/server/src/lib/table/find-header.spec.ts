import { findHeaderRow, findTables, matchColumns, normaliseHeader, type HeaderAliases } from './find-header';
import type { TableSheet } from './table';

const ALIASES: HeaderAliases<'work' | 'lead' | 'timescale'> = [
  ['work', ['work', 'work plan', 'action']],
  ['lead', ['lead', 'owner']],
  ['timescale', ['timescale', 'by when']],
];
const sheet = (name: string, rows: string[][]): TableSheet => ({ name, rows, fills: [], merges: [] });
const isHeader = (cells: readonly string[]) => matchColumns(cells, ALIASES).filter(Boolean).length >= 2;

describe('finding the header', () => {
  it('normalises headers to words', () => {
    expect(normaliseHeader(' Owner/<b>Lead</b>  (s) ')).toBe('owner lead s');
  });

  it('matches exact names first, then names within a header; each field once', () => {
    expect(matchColumns(['Lead', 'Work plan', 'Timescale (quarter)', 'Lead'], ALIASES)).toEqual(['lead', 'work', 'timescale', null]);
    expect(matchColumns(['Timescale (quarter)', 'Action'], ALIASES, true)).toEqual([null, 'work']);
    expect(matchColumns(['', 'Notes'], ALIASES)).toEqual([null, null]);
  });

  it('finds the first header row, and the sheets that have one (every import chooses sheets this way)', () => {
    const plan = sheet('Plan', [['Network work plan 2024/25'], [], ['Work', 'Lead'], ['x', 'y']]);
    const notes = sheet('Notes', [['Read me'], ['Nothing tabular here']]);
    expect(findHeaderRow(plan.rows, isHeader)).toBe(2);
    expect(findTables([notes, plan], isHeader)).toEqual([{ sheet: plan, headerIndex: 2 }]);
  });
});
