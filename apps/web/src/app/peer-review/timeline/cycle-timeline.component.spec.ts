import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ReviewCycleDto } from '@plexus/contracts';
import { activity, counts, cycle, SLUG, text } from '../peer-review.testing';
import { CycleTimelineComponent } from './cycle-timeline.component';

describe('CycleTimelineComponent', () => {
  beforeEach(() => TestBed.configureTestingModule({ providers: [provideRouter([{ path: '**', children: [] }])] }));

  async function render(c: ReviewCycleDto, canManage: boolean) {
    const fixture = TestBed.createComponent(CycleTimelineComponent);
    fixture.componentRef.setInput('cycle', c);
    fixture.componentRef.setInput('network', SLUG);
    fixture.componentRef.setInput('canManage', canManage);
    fixture.detectChanges();
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('says when nothing is planned yet', async () => {
    const element = await render(cycle(), true);
    expect(text(element.querySelector('#timeline-empty'))).toBe('No activities planned yet. Add the first one.');
  });

  it('is a table of quarters across and activities down, each in its quarter, overdue said in words', async () => {
    const owed = activity(1, {
      kind: 'submission',
      title: 'Annual documents',
      submissions: counts({ total: 6, accepted: 2, awaited: 4, overdue: 4 }),
    });
    const meeting = activity(2, {
      kind: 'review_meeting',
      title: 'Formal peer review meetings',
      quarter: 3,
      dueDate: '2026-12-31',
      meetingDate: '2026-12-10',
    });
    const element = await render(cycle({ activities: [owed, meeting] }), true);
    const years = Array.from(element.querySelectorAll('thead tr:first-child th')).map((th) => [text(th), th.getAttribute('colspan')]);
    expect(years).toEqual([
      ['2026/27', '4'],
      ['2027/28', '4'],
    ]);
    const quarters = Array.from(element.querySelectorAll('thead tr:nth-child(2) th')).map(text);
    expect(quarters[0]).toBe('Q1 2026/27 Apr–Jun');
    expect(quarters[2]).toBe('Q3 2026/27 Oct–Dec Now');
    const rows = Array.from(element.querySelectorAll('tbody tr'));
    expect(rows.map((r) => text(r.querySelector('th')))).toEqual(['Annual documents, Submission', 'Formal peer review meetings, Review meeting']);
    const first = Array.from(rows[0].querySelectorAll('td'));
    expect(first).toHaveLength(8);
    expect(text(first[0])).toBe('Due 30 Jun, Overdue, 2 of 6 accepted, 4 awaited (4 overdue)');
    expect(text(first[1])).toBe('Nothing this quarter');
    expect(text(rows[1].querySelectorAll('td')[2])).toBe('Due 31 Dec, Due soon, Meeting 10 December 2026');
    expect(rows[0].querySelector('th a')?.getAttribute('href')).toBe(`/n/${SLUG}/peer-review/cycles/${owed.cycleId}/activities/${owed.id}`);
    // The scroll region can be reached with the keyboard.
    expect(element.querySelector('.plx-timeline-scroll')?.getAttribute('tabindex')).toBe('0');
  });

  it('does not link the activities for those who cannot change them', async () => {
    const element = await render(cycle({ activities: [activity(1)], can: { manage: false } }), false);
    expect(element.querySelector('tbody th a')).toBeNull();
  });
});
