import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { AUDIT_RECORD_TYPE_VALUES, type AuditPageDto } from '@plexus/contracts';
import { AuditTrailComponent } from './audit-trail.component';

const URL = '/api/networks/north-spinal/audit';
const THEME_A = '6f1c2a3e-8b4d-4c5e-9f60-718293a4b5c6';
const THEME_B = '7d2a0b9e-1c3f-4e5a-8b6c-9d0e1f2a3b4c';

function text(element: Element | null): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('AuditTrailComponent', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    jest.useFakeTimers();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([{ path: '**', children: [] }])] });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => {
    http.verify();
    jest.useRealTimers();
  });

  it('says who changed which record, with names, field labels and UK dates, and filters by every record type', async () => {
    const fixture = TestBed.createComponent(AuditTrailComponent);
    fixture.componentRef.setInput('network', 'north-spinal');
    fixture.componentRef.setInput('membership', {
      networkId: 'n1',
      slug: 'north-spinal',
      name: 'North Spinal Network',
      role: 'manager',
      organisationId: null,
    });
    fixture.detectChanges();
    const page: AuditPageDto = {
      items: [
        {
          id: 'e1',
          occurredAt: '2026-12-10T14:05:00.000Z',
          action: 'update',
          entityType: 'work_item',
          entityId: 'w1',
          actor: { userId: 'u1', displayName: 'Priya Shah' },
          recordName: '1.2 Recruit two coordinators',
          changes: { themeId: { from: THEME_A, to: THEME_B }, dueOn: { from: '2026-03-31', to: '2026-09-30' } },
        },
      ],
      nextCursor: null,
      names: { [THEME_A]: 'Workforce', [THEME_B]: 'Quality' },
    };
    http.expectOne((req) => req.url === URL).flush(page);
    await jest.advanceTimersByTimeAsync(0);
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    const cells = Array.from(element.querySelectorAll('[data-testid="audit-event"] td')).map(text);
    expect(cells[0]).toBe('10 December 2026 at 14:05');
    expect(cells[1]).toBe('Priya Shah');
    expect(cells[2]).toContain('Changed: Work item “1.2 Recruit two coordinators”');
    expect(cells[3]).toBe('Theme: Workforce → Quality Target date: 31 March 2026 → 30 September 2026');
    expect(cells.join(' ')).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-|themeId|dueOn/);

    const options = Array.from(element.querySelectorAll<HTMLOptionElement>('#filter-entityType option'));
    expect(options).toHaveLength(AUDIT_RECORD_TYPE_VALUES.length + 1);
    expect(
      options
        .map((o) => o.value)
        .slice(1)
        .sort(),
    ).toEqual([...AUDIT_RECORD_TYPE_VALUES].sort());
    expect(options.find((o) => o.value === 'work_item')?.textContent?.trim()).toBe('Work item');
  });
});
