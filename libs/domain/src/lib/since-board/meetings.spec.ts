import { chooseMeetings, type MeetingRef } from './meetings';

const m = (id: string, meetingDate: string): MeetingRef => ({ id, meetingDate, title: 'Network Board' });
// Quarterly boards, listed out of order, one still to come after "today" (2025-12-01).
const meetings = [m('jun', '2025-06-12'), m('mar', '2025-03-13'), m('sep', '2025-09-11'), m('dec', '2025-12-11'), m('dec-2', '2025-12-11')];
const today = '2025-12-01';

describe('chooseMeetings', () => {
  it('compares the last two meetings held up to today by default', () => {
    expect(chooseMeetings(meetings, today, {})).toEqual({
      kind: 'pair',
      since: meetings[0],
      to: meetings[2],
      toDate: '2025-09-11',
      toIsUpcoming: false,
    });
  });

  it('counts a meeting held today as held', () => {
    const r = chooseMeetings(meetings, '2025-09-11', {});
    expect(r).toMatchObject({ kind: 'pair', since: { id: 'jun' }, to: { id: 'sep' }, toDate: '2025-09-11' });
  });

  it('says there are too few when fewer than two days with meetings have passed (two meetings on one day are one board)', () => {
    expect(chooseMeetings([], today, {})).toEqual({ kind: 'too_few', held: 0 });
    expect(chooseMeetings([m('a', '2025-01-01')], today, {})).toEqual({ kind: 'too_few', held: 1 });
    expect(chooseMeetings([m('a', '2025-01-01'), m('b', '2025-01-01')], today, {})).toEqual({ kind: 'too_few', held: 1 });
    expect(chooseMeetings([m('a', '2025-01-01'), m('future', '2026-01-01')], today, {})).toEqual({ kind: 'too_few', held: 1 });
  });

  it('compares a chosen meeting with the one before it', () => {
    expect(chooseMeetings(meetings, today, { toMeetingId: 'jun' })).toMatchObject({
      kind: 'pair',
      since: { id: 'mar' },
      to: { id: 'jun' },
      toDate: '2025-06-12',
    });
  });

  it('runs up to today when the meeting compared with is still to come', () => {
    expect(chooseMeetings(meetings, today, { toMeetingId: 'dec' })).toEqual({
      kind: 'pair',
      since: meetings[2],
      to: meetings[3],
      toDate: today,
      toIsUpcoming: true,
    });
  });

  it('from a chosen meeting, compares with the latest held since, else the next one (up to today)', () => {
    expect(chooseMeetings(meetings, today, { sinceMeetingId: 'mar' })).toMatchObject({
      since: { id: 'mar' },
      to: { id: 'sep' },
      toDate: '2025-09-11',
    });
    expect(chooseMeetings(meetings, today, { sinceMeetingId: 'sep' })).toMatchObject({
      since: { id: 'sep' },
      to: { id: 'dec' },
      toDate: today,
      toIsUpcoming: true,
    });
  });

  it('takes both as chosen, even two meetings apart', () => {
    expect(chooseMeetings(meetings, today, { sinceMeetingId: 'mar', toMeetingId: 'sep' })).toMatchObject({
      kind: 'pair',
      since: { id: 'mar' },
      to: { id: 'sep' },
    });
  });

  it('refuses ids that are not meetings of the network, naming the field', () => {
    expect(chooseMeetings(meetings, today, { sinceMeetingId: 'nope' })).toEqual({
      kind: 'refused',
      field: 'sinceMeetingId',
      reason: 'not_found',
      message: 'That board meeting is not in this network',
    });
    expect(chooseMeetings(meetings, today, { sinceMeetingId: 'mar', toMeetingId: 'nope' })).toMatchObject({
      field: 'toMeetingId',
      reason: 'not_found',
    });
  });

  it('refuses comparing from a meeting not yet held, or from one not before the other', () => {
    expect(chooseMeetings(meetings, today, { sinceMeetingId: 'dec' })).toMatchObject({
      kind: 'refused',
      field: 'sinceMeetingId',
      reason: 'invalid',
      message: 'The meeting on 11 December 2025 has not happened yet: compare from a meeting held on or before today',
    });
    expect(chooseMeetings(meetings, today, { sinceMeetingId: 'sep', toMeetingId: 'jun' })).toMatchObject({
      field: 'sinceMeetingId',
      message: 'Choose a meeting before the one on 12 June 2025 to compare from',
    });
    expect(chooseMeetings(meetings, today, { sinceMeetingId: 'jun', toMeetingId: 'jun' })).toMatchObject({
      field: 'sinceMeetingId',
      reason: 'invalid',
    });
    expect(chooseMeetings(meetings, '2025-12-12', { sinceMeetingId: 'dec' })).toMatchObject({ field: 'sinceMeetingId', reason: 'invalid' });
  });

  it('refuses a meeting with none before it, or whose previous one is still to come', () => {
    expect(chooseMeetings(meetings, today, { toMeetingId: 'mar' })).toMatchObject({
      field: 'toMeetingId',
      message: 'There is no board meeting before 13 March 2025 to compare it with',
    });
    const ahead = [m('a', '2026-01-10'), m('b', '2026-04-10')];
    expect(chooseMeetings(ahead, today, { toMeetingId: 'b' })).toMatchObject({ field: 'toMeetingId', reason: 'invalid' });
  });
});
