import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { DistributionListDto, NetworkProfileDto, RecipientDto, SessionMembership } from '@plexus/contracts';
import { RecipientsComponent } from './recipients.component';

const BASE = '/api/networks/north-spinal';
const ORG_ID = '7a0e1d52-1111-4111-8111-000000000001';

const PROFILE = {
  networkId: '6f1c2b1e-0000-4000-8000-000000000001',
  slug: 'north-spinal',
  name: 'North Spinal Network',
  memberOrganisations: [{ id: ORG_ID, name: 'North ICB', type: 'icb' }],
} as unknown as NetworkProfileDto;

const MANAGER: SessionMembership = {
  networkId: PROFILE.networkId,
  slug: 'north-spinal',
  name: 'North Spinal Network',
  role: 'manager',
  organisationId: null,
};

const PRIYA: RecipientDto = {
  id: '9b0e1d52-2222-4222-8222-000000000001',
  name: 'Priya Shah',
  email: 'priya@icb.example.org',
  organisationId: ORG_ID,
  organisationName: 'North ICB',
  role: 'Commissioner',
  listIds: ['9b0e1d52-3333-4333-8333-000000000001'],
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
};

const COMMISSIONERS: DistributionListDto = {
  id: '9b0e1d52-3333-4333-8333-000000000001',
  name: 'Commissioners',
  description: '',
  recipients: [{ id: PRIYA.id, name: PRIYA.name, email: PRIYA.email }],
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
};

function text(element: Element | null): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('RecipientsComponent', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([{ path: '**', children: [] }])] });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  async function render(recipients: RecipientDto[], lists: DistributionListDto[]) {
    const fixture = TestBed.createComponent(RecipientsComponent);
    fixture.componentRef.setInput('network', 'north-spinal');
    fixture.componentRef.setInput('membership', MANAGER);
    fixture.detectChanges();
    http.expectOne(`${BASE}/recipients`).flush(recipients);
    http.expectOne(`${BASE}/distribution-lists`).flush(lists);
    http.expectOne(`${BASE}/profile`).flush(PROFILE);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const button = (name: string) => Array.from(element.querySelectorAll('button')).find((b) => text(b) === name) as HTMLButtonElement;
    const click = async (name: string) => {
      button(name).click();
      await fixture.whenStable();
    };
    const type = async (id: string, value: string) => {
      const control = element.querySelector(`#${id}`) as HTMLInputElement | HTMLSelectElement;
      control.value = value;
      control.dispatchEvent(new Event(control.tagName === 'SELECT' ? 'change' : 'input'));
      await fixture.whenStable();
    };
    const submit = async () => {
      element.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
      await fixture.whenStable();
    };
    return { fixture, element, button, click, type, submit };
  }

  it('says clearly when there are no recipients and no lists, and offers to add them', async () => {
    const { element, button } = await render([], []);
    expect(text(element.querySelector('#recipients-empty'))).toContain('No recipients yet');
    expect(text(element.querySelector('#lists-empty'))).toContain('No distribution lists yet');
    expect(element.querySelector('table')).toBeNull();
    expect(button('Add a recipient')).toBeTruthy();
    expect(button('Make a distribution list')).toBeTruthy();
  });

  it('lists recipients with their organisation and lists, and lists with who is in them', async () => {
    const { element } = await render([PRIYA], [COMMISSIONERS]);
    const row = element.querySelector('tbody tr')!;
    expect(text(row)).toContain('Priya Shah');
    expect(text(row)).toContain('priya@icb.example.org');
    expect(text(row)).toContain('North ICB');
    expect(text(row)).toContain('Commissioners');
    expect(text(element.querySelector('.plx-distribution-lists'))).toContain('1 recipient: Priya Shah');
    // Actions name their record for screen readers.
    expect(text(element.querySelector(`#remove-${PRIYA.id}`))).toBe('Delete Priya Shah');
  });

  it('checks the form with the shared schema and shows each error beside its field and in the summary', async () => {
    const { element, click, type, submit, fixture } = await render([], []);
    await click('Add a recipient');
    await type('recipient-email', 'not an email');
    await submit();
    fixture.detectChanges();
    http.expectNone(`${BASE}/recipients`);
    expect(text(element.querySelector('#recipient-name-error'))).toBe('Error: Enter the name');
    expect(text(element.querySelector('#recipient-email-error'))).toContain('Enter an email address');
    expect(element.querySelector('#recipient-email')!.getAttribute('aria-describedby')).toBe('recipient-email-error');
    const links = Array.from(element.querySelectorAll('.nhsuk-error-summary a')).map((a) => a.getAttribute('href'));
    expect(links).toEqual(['#recipient-name', '#recipient-email']);
  });

  it('sends a member organisation by id, and shows the API’s 409 on the email field', async () => {
    const { element, click, type, submit, fixture } = await render([], []);
    await click('Add a recipient');
    await type('recipient-name', 'Sam Lee');
    await type('recipient-email', 'Sam@Example.org');
    await type('recipient-organisationId', ORG_ID);
    expect(element.querySelector('#recipient-organisationName')).toBeNull();
    await submit();
    const request = http.expectOne({ method: 'POST', url: `${BASE}/recipients` });
    expect(request.request.body).toEqual({ name: 'Sam Lee', email: 'sam@example.org', organisationId: ORG_ID, organisationName: '', role: '' });
    request.flush(
      {
        statusCode: 409,
        code: 'conflict',
        message: 'Duplicate',
        fields: [{ field: 'email', message: 'sam@example.org is already a recipient of this network' }],
      },
      { status: 409, statusText: 'Conflict' },
    );
    await fixture.whenStable();
    expect(text(element.querySelector('#recipient-email-error'))).toBe('Error: sam@example.org is already a recipient of this network');
  });

  it('invites a recipient as a commissioner with their email and name, and shows the one-time link', async () => {
    const { element, click, fixture } = await render([PRIYA], [COMMISSIONERS]);
    const action = element.querySelector(`#invite-${PRIYA.id}`) as HTMLButtonElement;
    expect(text(action)).toBe('Invite as commissioner Priya Shah');
    expect(action.getAttribute('aria-expanded')).toBe('false');
    action.click();
    await fixture.whenStable();
    expect(action.getAttribute('aria-expanded')).toBe('true');
    expect(text(element.querySelector('#invite-confirm-heading'))).toBe("Invite Priya Shah to read North Spinal Network's reports?");
    expect(text(element.querySelector('.plx-inline-panel'))).toContain(
      'priya@icb.example.org gets an email with a one-time link to join as a commissioner',
    );
    await click('Send invite to Priya Shah');
    const request = http.expectOne({ method: 'POST', url: `${BASE}/invites` });
    expect(request.request.body).toEqual({ email: 'priya@icb.example.org', displayName: 'Priya Shah', role: 'commissioner', organisationId: null });
    request.flush({
      id: '9b0e1d52-4444-4444-8444-000000000001',
      email: 'priya@icb.example.org',
      displayName: 'Priya Shah',
      role: 'commissioner',
      organisationId: null,
      status: 'pending',
      expiresAt: '2026-12-10T10:00:00.000Z',
      createdAt: '2026-12-03T10:00:00.000Z',
      url: 'http://plexus.test/invite/north-spinal/abcdefghijklmnopqrstuvwxyz',
    });
    await fixture.whenStable();
    expect(element.querySelector('#invite-confirm-heading')).toBeNull();
    expect(text(element.querySelector('#invited-heading'))).toBe('Priya Shah is invited as a commissioner');
    expect((element.querySelector('#invited-url') as HTMLInputElement).value).toBe(
      'http://plexus.test/invite/north-spinal/abcdefghijklmnopqrstuvwxyz',
    );
  });

  it('says why an invite was refused (already a member) and keeps the panel open', async () => {
    const { element, click, fixture } = await render([PRIYA], [COMMISSIONERS]);
    (element.querySelector(`#invite-${PRIYA.id}`) as HTMLButtonElement).click();
    await fixture.whenStable();
    await click('Send invite to Priya Shah');
    http.expectOne({ method: 'POST', url: `${BASE}/invites` }).flush(
      {
        statusCode: 409,
        code: 'conflict',
        message: 'Conflict',
        fields: [{ field: 'email', message: 'priya@icb.example.org is already a member of this network' }],
      },
      { status: 409, statusText: 'Conflict' },
    );
    await fixture.whenStable();
    fixture.detectChanges();
    expect(text(element.querySelector('.nhsuk-error-summary'))).toContain('priya@icb.example.org is already a member of this network');
    expect(element.querySelector('#invite-confirm-heading')).not.toBeNull();
    await click('Cancel');
    expect(element.querySelector('#invite-confirm-heading')).toBeNull();
  });
});
