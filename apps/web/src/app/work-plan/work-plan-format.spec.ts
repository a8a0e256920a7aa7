import { countsText, linesToList, listToLines, periodText, ragWords, slippageText } from './work-plan-format';
import { counts, summary } from './work-plan-test-data';
import { filterParams } from './items-table.component';
import { draftFromItem, requestFromDraft } from './item-form.component';
import { item } from './work-plan-test-data';

describe('work plan wording', () => {
  it('says how far an item slipped and how its target moved', () => {
    expect(slippageText(summary())).toBe('Overdue by 10 days; Slipped: target moved 183 days later (originally Q4 2023/24)');
    expect(slippageText(summary({ late: { slipped: true, daysLate: 1 }, targetMoved: { moved: false, days: 0 } }))).toBe('Overdue by 1 day');
    expect(slippageText(summary({ late: { slipped: false, daysLate: 0 }, targetMoved: { moved: true, days: -30 } }))).toBe(
      'Target brought 30 days earlier',
    );
    expect(slippageText(summary({ late: { slipped: false, daysLate: 0 }, targetMoved: { moved: false, days: 0 } }))).toBeNull();
  });

  it('never relies on colour alone', () => {
    expect(ragWords('amber', 'on_track', 'past')).toBe('Amber – Overdue (reported on track)');
    expect(ragWords('blue', 'complete')).toBe('Blue – Complete');
  });

  it('sums up counts in words', () => {
    expect(countsText(counts({ items: 3, rag: { blue: 1, green: 1, amber: 1, red: 0, grey: 0 }, slipped: 1, flagged: 2 }))).toBe(
      '3 items: 1 blue (complete), 1 green (on track), 1 amber (at risk or overdue); 1 slipped or overdue; 2 timescales to check',
    );
    expect(countsText(counts({ items: 0 }))).toBe('No work items yet');
    expect(periodText('2023-04-01', '2025-03-31')).toBe('1 April 2023 to 31 March 2025');
  });

  it('turns lines into lists and back', () => {
    expect(linesToList(' One \n\nTwo\r\n')).toEqual(['One', 'Two']);
    expect(listToLines(['One', 'Two'])).toBe('One\nTwo');
  });

  it('sends only the filters that are set', () => {
    expect(filterParams({ lead: '', status: 'on_track', slipped: 'true', q: '  dashboard ' })).toEqual({
      status: 'on_track',
      slipped: 'true',
      q: 'dashboard',
    });
  });

  it('turns an item into the form and the form into a request', () => {
    const draft = draftFromItem(item());
    expect(draft).toMatchObject({
      themeId: 'theme-1',
      objectiveId: '',
      measures: 'Development of Dashboards',
      timescale: 'Q2 2024/25',
      leads: [{ userId: 'u-ravi', title: 'Network Medical Lead' }],
    });
    draft.reason = 'Because';
    expect(requestFromDraft(draft, true)).toEqual({
      themeId: 'theme-1',
      objectiveId: null,
      work: item().work,
      measures: ['Development of Dashboards'],
      steps: [],
      leads: [{ userId: 'u-ravi', title: 'Network Medical Lead' }],
      timescale: 'Q2 2024/25',
      reason: 'Because',
    });
    expect(requestFromDraft(draft, false).reason).toBeUndefined();
  });
});
