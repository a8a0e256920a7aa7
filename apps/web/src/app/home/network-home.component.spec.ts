import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { AttentionDto, SessionMembership } from '@plexus/contracts';
import { NetworkHomeComponent } from './network-home.component';

const SLUG = 'east-mtn';
const PLAN = '6f1c2b1e-1111-4111-8111-000000000001';
const ITEM = '6f1c2b1e-2222-4222-8222-000000000001';
const SCHEDULE = '6f1c2b1e-3333-4333-8333-000000000001';

const membership = (role: SessionMembership['role']): SessionMembership => ({
  networkId: '6f1c2b1e-0000-4000-8000-000000000001',
  slug: SLUG,
  name: 'East Midlands Major Trauma Network',
  role,
  organisationId: null,
});

const empty: AttentionDto = {
  asOf: '2026-12-05',
  scope: 'own',
  plan: null,
  lastBoard: null,
  freshFrom: '2026-10-24',
  total: 0,
  summary: 'Nothing needs your attention',
  sections: [],
};

const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('NetworkHomeComponent', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([{ path: '**', children: [] }])] });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  async function render(role: SessionMembership['role'], body: AttentionDto) {
    const fixture = TestBed.createComponent(NetworkHomeComponent);
    fixture.componentRef.setInput('network', SLUG);
    fixture.componentRef.setInput('membership', membership(role));
    fixture.detectChanges();
    http.expectOne(`/api/networks/${SLUG}/attention`).flush(body);
    await fixture.whenStable();
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  it('says plainly when nothing needs attention', async () => {
    const element = await render('viewer', empty);
    expect(text(element.querySelector('#attention-summary'))).toBe('Nothing needs your attention.');
    expect(text(element.querySelector('#attention-empty'))).toContain('Nothing needs your attention.');
    expect(element.querySelectorAll('section')).toHaveLength(0);
    expect(element.querySelector('#update-many')).toBeNull();
  });

  it('lists each group with its count in words, and links every line to the thing (query strings kept)', async () => {
    const element = await render('manager', {
      ...empty,
      scope: 'network',
      plan: { id: PLAN, title: 'Work plan 2026/27' },
      lastBoard: { id: '6f1c2b1e-4444-4444-8444-000000000001', meetingDate: '2026-11-20' },
      total: 2,
      summary: '2 things need your attention',
      sections: [
        {
          key: 'overdue',
          heading: 'Overdue work items',
          summary: '1 work item is overdue',
          lines: [
            {
              id: ITEM,
              text: '1.2 Transfer audit',
              detail: 'Due 25 November 2026, 10 days ago (Not started)',
              link: `/n/${SLUG}/plan/${PLAN}/items/${ITEM}`,
              date: '2026-11-25',
            },
          ],
        },
        {
          key: 'deliveries_failed',
          heading: 'Scheduled deliveries that failed',
          summary: '1 scheduled email could not be delivered in the last 14 days',
          lines: [
            {
              id: '6f1c2b1e-5555-4555-8555-000000000001',
              text: 'Risk register to Jo Bloggs',
              detail: 'Not delivered (4 December 2026)',
              link: `/n/${SLUG}/schedules/log?scheduleId=${SCHEDULE}`,
              date: '2026-12-04',
            },
          ],
        },
      ],
    });
    expect(text(element.querySelector('#attention-summary'))).toBe('2 things need your attention.');
    expect(text(element.querySelector('#attention-scope'))).toContain('The whole network’s, as of 5 December 2026.');
    expect(text(element.querySelector('#attention-scope'))).toContain('The last board meeting was on 20 November 2026.');
    expect(text(element.querySelector('#section-overdue h2'))).toBe('Overdue work items');
    expect(text(element.querySelector('#section-overdue p'))).toBe('1 work item is overdue.');
    const item = element.querySelector('#section-overdue a');
    expect(text(item)).toBe('1.2 Transfer audit');
    expect(item?.getAttribute('href')).toBe(`/n/${SLUG}/plan/${PLAN}/items/${ITEM}`);
    expect(element.querySelector('#section-deliveries_failed a')?.getAttribute('href')).toBe(`/n/${SLUG}/schedules/log?scheduleId=${SCHEDULE}`);
    expect(element.querySelector('#attention-empty')).toBeNull();
    expect(element.querySelector('#update-many')?.getAttribute('href')).toBe(`/n/${SLUG}/plan/${PLAN}/update`);
  });

  it('says whose lines a lead sees', async () => {
    const element = await render('lead', { ...empty, plan: { id: PLAN, title: 'Work plan 2026/27' } });
    expect(text(element.querySelector('#attention-scope'))).toContain('Yours: the work items and risks you lead, as of 5 December 2026.');
    expect(element.querySelector('#update-many')).not.toBeNull();
  });
});
