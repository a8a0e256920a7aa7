import { agendaSummary, durationFromText, formatMeetingDate, formatMeetingTime, locationLink, moveInOrder } from './board-format';

describe('board formats', () => {
  it('writes a meeting day in full, whatever the browser’s zone', () => {
    expect(formatMeetingDate('2026-06-11')).toBe('Thursday 11 June 2026');
    expect(formatMeetingDate('2026-03-29')).toBe('Sunday 29 March 2026');
  });

  it('writes times the NHS way', () => {
    expect(formatMeetingTime('14:00')).toBe('2pm');
    expect(formatMeetingTime('09:30')).toBe('9:30am');
    expect(formatMeetingTime('12:00')).toBe('midday');
    expect(formatMeetingTime(null)).toBe('');
  });

  it('links only web addresses', () => {
    expect(locationLink('https://teams.example.org/meet/1')).toBe('https://teams.example.org/meet/1');
    expect(locationLink('Boardroom, Northfield')).toBeNull();
    expect(locationLink('javascript:alert(1)')).toBeNull();
  });

  it('sums up an agenda', () => {
    expect(agendaSummary(0, 0)).toBe('No agenda yet');
    expect(agendaSummary(1, 0)).toBe('1 item');
    expect(agendaSummary(5, 2)).toBe('5 items, 2 papers');
  });

  it('reads the time allowed', () => {
    expect(durationFromText(' ')).toBeNull();
    expect(durationFromText('20')).toBe(20);
    expect(durationFromText('20 mins')).toBe('20 mins');
  });

  it('moves one item up or down, and nowhere past the ends', () => {
    expect(moveInOrder(['a', 'b', 'c'], 'b', 'up')).toEqual(['b', 'a', 'c']);
    expect(moveInOrder(['a', 'b', 'c'], 'b', 'down')).toEqual(['a', 'c', 'b']);
    expect(moveInOrder(['a', 'b', 'c'], 'a', 'up')).toEqual(['a', 'b', 'c']);
    expect(moveInOrder(['a', 'b', 'c'], 'c', 'down')).toEqual(['a', 'b', 'c']);
  });
});
