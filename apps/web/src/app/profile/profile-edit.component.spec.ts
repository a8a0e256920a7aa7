import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { NetworkProfileDto, SessionMembership } from '@plexus/contracts';
import { FlashService } from '../core/flash.service';
import { ProfileEditComponent } from './profile-edit.component';

const URL = '/api/networks/north-spinal/profile';

const PROFILE: NetworkProfileDto = {
  networkId: '6f1c2b1e-0000-4000-8000-000000000001',
  slug: 'north-spinal',
  name: 'North Spinal Network',
  specialty: 'Spinal',
  region: 'North West',
  purpose: 'To improve spinal care',
  vision: '',
  coreFunctions: ['Service delivery'],
  leadershipRoles: [],
  memberOrganisations: [{ id: '7a0e1d52-1111-4111-8111-000000000001', name: 'Royal Infirmary', type: 'spinal_hub' }],
  branding: { primaryColour: '#005eb8', accentColour: '#41b6e6', classification: 'OFFICIAL', logo: null },
  riskPrefix: 'SN',
  version: 4,
  updatedAt: '2025-03-03T14:05:00Z',
};

const MANAGER: SessionMembership = {
  networkId: PROFILE.networkId,
  slug: 'north-spinal',
  name: 'North Spinal Network',
  role: 'manager',
  organisationId: null,
};

function text(element: Element | null): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('ProfileEditComponent', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([{ path: '**', children: [] }])] });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  async function render() {
    const fixture = TestBed.createComponent(ProfileEditComponent);
    fixture.componentRef.setInput('network', 'north-spinal');
    fixture.componentRef.setInput('membership', MANAGER);
    fixture.detectChanges();
    http.expectOne(URL).flush(PROFILE);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const button = (name: string) => Array.from(element.querySelectorAll('button')).find((b) => text(b) === name) as HTMLButtonElement;
    const type = async (id: string, value: string) => {
      const control = element.querySelector(`#${id}`) as HTMLInputElement | HTMLSelectElement;
      control.value = value;
      control.dispatchEvent(new Event(control.tagName === 'SELECT' ? 'change' : 'input'));
      await fixture.whenStable();
    };
    const submit = async () => {
      element.querySelector('form#profile-form')!.dispatchEvent(new Event('submit', { cancelable: true }));
      await fixture.whenStable();
    };
    return { fixture, element, button, type, submit };
  }

  it('fills the form from the profile, with labelled fields', async () => {
    const { element } = await render();
    const byLabel = (label: string) => {
      const forId = Array.from(element.querySelectorAll('label'))
        .find((l) => text(l) === label)
        ?.getAttribute('for');
      return element.querySelector(`#${forId}`) as HTMLInputElement;
    };
    expect(byLabel('Network name').value).toBe('North Spinal Network');
    expect(byLabel('Specialty').value).toBe('Spinal');
    expect(byLabel('Region').value).toBe('North West');
    expect(byLabel('Purpose').value).toBe('To improve spinal care');
    expect(byLabel('Primary colour').value).toBe('#005eb8');
    expect(byLabel('Primary colour').type).toBe('color');
  });

  it('checks with the shared schema and shows each message next to its field and in the summary', async () => {
    const { element, button, type, submit, fixture } = await render();
    button('Add a member organisation').click();
    await fixture.whenStable();
    expect(element.querySelector('#memberOrganisations-1-name')).not.toBeNull();
    expect(document.activeElement?.id).toBe('memberOrganisations-1-name');

    await type('name', '  ');
    await submit();
    http.expectNone(URL);

    const summary = element.querySelector('.nhsuk-error-summary')!;
    const links = Array.from(summary.querySelectorAll('a')).map((a) => [a.getAttribute('href'), text(a)]);
    expect(links).toEqual([
      ['#name', 'Enter the network name'],
      ['#memberOrganisations-1-name', 'Enter the organisation name'],
      ['#memberOrganisations-1-type', 'Choose the organisation type'],
    ]);
    expect(text(element.querySelector('#memberOrganisations-1-name-error'))).toBe('Error: Enter the organisation name');
    expect(element.querySelector('#memberOrganisations-1-name')!.getAttribute('aria-describedby')).toBe('memberOrganisations-1-name-error');
    expect(element.querySelector('#name')!.closest('.nhsuk-form-group')!.classList).toContain('nhsuk-form-group--error');
    expect(document.activeElement).toBe(summary);
  });

  it('sends the loaded version and shows the API’s field errors the same way', async () => {
    const { element, type, submit, fixture } = await render();
    await type('region', 'North East');
    await submit();
    const request = http.expectOne({ method: 'PUT', url: URL });
    expect(request.request.body).toMatchObject({
      version: 4,
      region: 'North East',
      memberOrganisations: [{ id: PROFILE.memberOrganisations[0].id, name: 'Royal Infirmary', type: 'spinal_hub' }],
    });
    request.flush(
      {
        statusCode: 400,
        code: 'validation_failed',
        message: 'Check the profile',
        fields: [{ field: 'memberOrganisations.0.name', message: 'Royal Infirmary is used by 3 contributors' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    expect(text(element.querySelector('#memberOrganisations-0-name-error'))).toBe('Error: Royal Infirmary is used by 3 contributors');
    expect(text(element.querySelector('.nhsuk-error-summary a'))).toBe('Royal Infirmary is used by 3 contributors');
  });

  it('edits the risk reference prefix, with its hint, sent in capitals and checked by the schema', async () => {
    const { element, type, submit, fixture } = await render();
    const input = element.querySelector('#riskPrefix') as HTMLInputElement;
    const label = element.querySelector('label[for="riskPrefix"]');
    expect(text(label)).toBe('Risk reference prefix');
    expect(input.value).toBe('SN');
    expect(input.getAttribute('aria-describedby')).toBe('riskPrefix-hint');
    expect(text(element.querySelector('#riskPrefix-hint'))).toContain('New risks are numbered SN/01, SN/02 … and numbers are never reused');

    await type('riskPrefix', '9X');
    await submit();
    http.expectNone(URL);
    expect(text(element.querySelector('#riskPrefix-error'))).toBe('Error: Use 1 to 6 capital letters or digits, starting with a letter, like SN');
    expect(input.getAttribute('aria-describedby')).toBe('riskPrefix-hint riskPrefix-error');

    await type('riskPrefix', ' mtn ');
    await submit();
    const request = http.expectOne({ method: 'PUT', url: URL });
    expect(request.request.body).toMatchObject({ riskPrefix: 'MTN' });
    request.flush({ ...PROFILE, riskPrefix: 'MTN', version: 5 });
    await fixture.whenStable();
  });

  it('explains a conflict (409) and reloads the latest profile on request', async () => {
    const { element, button, submit, fixture } = await render();
    await submit();
    http
      .expectOne({ method: 'PUT', url: URL })
      .flush({ statusCode: 409, code: 'conflict', message: 'Stale version' }, { status: 409, statusText: 'Conflict' });
    await fixture.whenStable();
    expect(text(element.querySelector('#conflict'))).toContain('Someone else changed this profile');

    button('Reload the latest profile').click();
    TestBed.tick();
    http.expectOne({ method: 'GET', url: URL }).flush({ ...PROFILE, version: 5, region: 'Changed by a colleague' });
    await fixture.whenStable();
    expect(element.querySelector('#conflict')).toBeNull();
    expect((element.querySelector('#region') as HTMLInputElement).value).toBe('Changed by a colleague');

    await submit();
    const retry = http.expectOne({ method: 'PUT', url: URL });
    expect(retry.request.body.version).toBe(5);
    retry.flush({ ...PROFILE, version: 6 });
  });

  it('goes back to the profile with a success message after saving', async () => {
    const { submit, fixture } = await render();
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    await submit();
    http.expectOne({ method: 'PUT', url: URL }).flush({ ...PROFILE, version: 5 });
    await fixture.whenStable();
    expect(navigate).toHaveBeenCalledWith(['/n', 'north-spinal', 'profile']);
    expect(TestBed.inject(FlashService).take()).toBe('The network profile has been saved.');
  });

  it('refuses a logo of the wrong type before sending it', async () => {
    const { element, button, fixture } = await render();
    const input = element.querySelector('#logo') as HTMLInputElement;
    const file = new File(['<svg/>'], 'logo.svg', { type: 'image/svg+xml' });
    Object.defineProperty(input, 'files', { value: [file] });
    input.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    expect(text(element.querySelector('#logo-error'))).toBe('Error: The logo must be a PNG or JPEG file');
    button('Upload logo').click();
    await fixture.whenStable();
    http.expectNone({ method: 'PUT', url: `${URL}/logo` });
  });

  it('uploads a PNG logo as multipart field "file"', async () => {
    const { element, button, fixture } = await render();
    const input = element.querySelector('#logo') as HTMLInputElement;
    const file = new File([new Uint8Array([137, 80, 78, 71])], 'logo.png', { type: 'image/png' });
    Object.defineProperty(input, 'files', { value: [file] });
    input.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    button('Upload logo').click();
    const request = http.expectOne({ method: 'PUT', url: `${URL}/logo` });
    expect(request.request.body).toBeInstanceOf(FormData);
    const sent = (request.request.body as FormData).get('file') as File;
    expect([sent.name, sent.type, sent.size]).toEqual(['logo.png', 'image/png', 4]);
    request.flush({
      ...PROFILE,
      version: 5,
      branding: { ...PROFILE.branding, logo: { contentType: 'image/png', size: 4, updatedAt: '2025-04-01T00:00:00Z' } },
    });
    await fixture.whenStable();
    expect(element.querySelector('img.plx-logo')?.getAttribute('src')).toContain('/logo?v=');
    expect(text(element.querySelector('.plx-logo-section [role="status"]'))).toBe('The logo has been uploaded.');
    expect(button('Remove logo')).toBeDefined();
  });
});
