import { isoFromParts, partsFromIso } from './uk-date';

describe('UK date boxes', () => {
  it('reads day, month and year as YYYY-MM-DD, with or without leading zeros', () => {
    expect(isoFromParts({ day: '30', month: '9', year: '2026' }, 'Due date')).toEqual({ iso: '2026-09-30' });
    expect(isoFromParts({ day: ' 01 ', month: '03', year: '2027' }, 'Due date')).toEqual({ iso: '2027-03-01' });
  });

  it('takes three empty boxes as no date', () => {
    expect(isoFromParts({ day: '', month: ' ', year: '' }, 'Due date')).toEqual({ iso: null });
  });

  it('says which part is missing, in the NHS words', () => {
    expect(isoFromParts({ day: '30', month: '', year: '2026' }, 'Due date')).toEqual({ error: 'Due date must include a month' });
    expect(isoFromParts({ day: '30', month: '', year: '' }, 'Due date')).toEqual({ error: 'Due date must include a month and a year' });
    expect(isoFromParts({ day: '', month: '', year: '2026' }, 'Due date')).toEqual({ error: 'Due date must include a day and a month' });
  });

  it('refuses what is not a real date (31 February, words, a two-digit year)', () => {
    for (const parts of [
      { day: '31', month: '2', year: '2026' },
      { day: '1', month: '13', year: '2026' },
      { day: 'first', month: '9', year: '2026' },
      { day: '1', month: '9', year: '26' },
    ]) {
      expect(isoFromParts(parts, 'Due date')).toEqual({ error: 'Due date must be a real date' });
    }
  });

  it('fills the boxes from a day, and leaves them empty for none', () => {
    expect(partsFromIso('2026-09-03')).toEqual({ day: '3', month: '9', year: '2026' });
    expect(partsFromIso(null)).toEqual({ day: '', month: '', year: '' });
  });
});
