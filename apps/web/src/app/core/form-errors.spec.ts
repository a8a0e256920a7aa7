import { HttpErrorResponse } from '@angular/common/http';
import { createInviteSchema, updateNetworkProfileSchema } from '@plexus/contracts';
import { toApiError } from './api-error';
import {
  describedByIds,
  errorId,
  errorSummaryItems,
  fieldErrorsFromApi,
  fieldErrorsFromIssues,
  fieldId,
  FORM_ERROR,
  prefixFieldErrors,
  removeRowErrors,
  serverFieldErrors,
  withFieldError,
} from './form-errors';

const validProfile = {
  version: 3,
  name: 'North Spinal Network',
  specialty: 'Spinal',
  region: 'North West',
  purpose: '',
  vision: '',
  coreFunctions: ['Service delivery'],
  leadershipRoles: [{ title: 'Clinical lead', personName: 'Dr A Patel' }],
  memberOrganisations: [
    { name: 'Royal Infirmary', type: 'spinal_hub' },
    { name: 'County Hospital', type: 'spinal_partner' },
  ],
  branding: { primaryColour: '#005eb8', accentColour: '#41b6e6', classification: 'OFFICIAL' },
};

describe('fieldErrorsFromIssues (zod)', () => {
  it('maps nested issue paths of the real profile schema to dotted field paths', () => {
    const result = updateNetworkProfileSchema.safeParse({
      ...validProfile,
      name: '   ',
      coreFunctions: ['Service delivery', ''],
      memberOrganisations: [...validProfile.memberOrganisations, { name: '', type: '' }],
      branding: { ...validProfile.branding, accentColour: 'blue' },
    });
    expect(result.success).toBe(false);
    const errors = fieldErrorsFromIssues(result.error!.issues);

    expect(errors).toEqual({
      name: 'Enter the network name',
      'coreFunctions.1': 'Enter the core function',
      'memberOrganisations.2.name': 'Enter the organisation name',
      'memberOrganisations.2.type': 'Choose the organisation type',
      'branding.accentColour': 'Accent colour must be a colour like #005eb8',
    });
  });

  it('reports the cross-field rule (an organisation listed twice) on the repeated row', () => {
    const result = updateNetworkProfileSchema.safeParse({
      ...validProfile,
      memberOrganisations: [...validProfile.memberOrganisations, { name: 'royal infirmary', type: 'trauma_unit' }],
    });
    const errors = fieldErrorsFromIssues(result.error!.issues);
    expect(errors).toEqual({ 'memberOrganisations.2.name': '"royal infirmary" is listed twice' });
  });

  it('keeps the first message when a field has several', () => {
    expect(
      fieldErrorsFromIssues([
        { path: ['email'], message: 'first' },
        { path: ['email'], message: 'second' },
      ]),
    ).toEqual({ email: 'first' });
  });

  it('puts an issue without a path at form level', () => {
    expect(fieldErrorsFromIssues([{ path: [], message: 'Whole form' }])).toEqual({ [FORM_ERROR]: 'Whole form' });
  });

  it('keeps the schema messages for a request the web app sends', () => {
    const result = createInviteSchema.safeParse({ email: 'not-an-email', displayName: '', role: 'owner', organisationId: null });
    expect(fieldErrorsFromIssues(result.error!.issues)).toEqual({
      email: 'Enter an email address, like name@example.org',
      displayName: 'Enter the person’s name',
      role: 'Choose a role',
    });
  });
});

describe('fieldErrorsFromApi', () => {
  it('maps ApiError fields (same dotted paths) to per-field messages', () => {
    const errors = fieldErrorsFromApi({
      statusCode: 400,
      code: 'validation_failed',
      message: 'The request is not valid',
      fields: [
        { field: 'memberOrganisations.2.name', message: 'Enter the organisation name' },
        { field: 'region', message: 'Region must be 120 characters or fewer' },
        { field: 'region', message: 'ignored second message' },
      ],
    });
    expect(errors).toEqual({
      'memberOrganisations.2.name': 'Enter the organisation name',
      region: 'Region must be 120 characters or fewer',
    });
  });

  it('turns an error naming no field into a form-level message', () => {
    expect(fieldErrorsFromApi({ statusCode: 403, code: 'forbidden', message: 'Only managers can do this' })).toEqual({
      [FORM_ERROR]: 'Only managers can do this',
    });
  });

  it('works from a raw HttpErrorResponse through toApiError', () => {
    const response = new HttpErrorResponse({
      status: 400,
      error: { statusCode: 400, code: 'validation_failed', message: 'Invalid', fields: [{ field: 'email', message: 'Taken' }] },
    });
    expect(fieldErrorsFromApi(toApiError(response))).toEqual({ email: 'Taken' });
  });

  it('gives a generic message when the server sent no ApiError body', () => {
    const response = new HttpErrorResponse({ status: 502, error: '<html>Bad gateway</html>' });
    expect(fieldErrorsFromApi(toApiError(response))[FORM_ERROR]).toMatch(/problem with the service/);
  });
});

describe('error summary items and ids', () => {
  it('links each field message to its control and lists form-level messages first, unlinked', () => {
    const items = errorSummaryItems({ name: 'Enter the network name', [FORM_ERROR]: 'Try again', 'memberOrganisations.2.name': 'Duplicate' });
    expect(items).toEqual([
      { href: null, targetId: null, text: 'Try again' },
      { href: '#name', targetId: 'name', text: 'Enter the network name' },
      { href: '#memberOrganisations-2-name', targetId: 'memberOrganisations-2-name', text: 'Duplicate' },
    ]);
  });

  it('derives safe ids from dotted paths', () => {
    expect(fieldId('branding.primaryColour')).toBe('branding-primaryColour');
    expect(errorId('leadershipRoles.0.title')).toBe('leadershipRoles-0-title-error');
  });
});

describe('removeRowErrors', () => {
  it('drops the removed row’s messages and moves later rows up', () => {
    const errors = {
      name: 'Enter the network name',
      'memberOrganisations.0.name': 'zero',
      'memberOrganisations.1.type': 'one',
      'memberOrganisations.3.name': 'three',
      memberOrganisations: 'List 200 organisations or fewer',
      'coreFunctions.3': 'unrelated list',
    };
    expect(removeRowErrors(errors, 'memberOrganisations', 1)).toEqual({
      name: 'Enter the network name',
      'memberOrganisations.0.name': 'zero',
      'memberOrganisations.2.name': 'three',
      memberOrganisations: 'List 200 organisations or fewer',
      'coreFunctions.3': 'unrelated list',
    });
  });

  it('handles lists of plain values (core functions)', () => {
    expect(removeRowErrors({ 'coreFunctions.0': 'a', 'coreFunctions.2': 'c' }, 'coreFunctions', 0)).toEqual({ 'coreFunctions.1': 'c' });
  });
});

describe('prefixFieldErrors', () => {
  it('namespaces field messages and leaves form-level ones alone', () => {
    expect(prefixFieldErrors({ email: 'Taken', [FORM_ERROR]: 'Nope' }, 'invite')).toEqual({ 'invite.email': 'Taken', [FORM_ERROR]: 'Nope' });
  });
});

describe('serverFieldErrors', () => {
  const invalid = (fields: Array<{ field: string; message: string }>, message = 'The request is not valid') =>
    new HttpErrorResponse({ status: 400, error: { statusCode: 400, code: 'validation_failed', message, fields } });

  it('puts each dotted field of a 400 on the field of that path, first message first', () => {
    expect(
      serverFieldErrors(
        invalid([
          { field: 'memberOrganisations.2.name', message: 'Enter the organisation name' },
          { field: 'memberOrganisations.2.name', message: 'second' },
          { field: 'branding.accentColour', message: 'Accent colour must be a colour like #005eb8' },
        ]),
      ),
    ).toEqual({
      'memberOrganisations.2.name': 'Enter the organisation name',
      'branding.accentColour': 'Accent colour must be a colour like #005eb8',
    });
  });

  it('renames the server’s fields to the form’s (`file` → `logo`)', () => {
    expect(serverFieldErrors(invalid([{ field: 'file', message: 'The logo must be a PNG or JPEG file' }]), { rename: { file: 'logo' } })).toEqual({
      logo: 'The logo must be a PNG or JPEG file',
    });
  });

  it('keeps two forms on a page apart with a prefix, and form-level messages form-level', () => {
    expect(serverFieldErrors(invalid([{ field: 'email', message: 'Taken' }]), { prefix: 'invite' })).toEqual({ 'invite.email': 'Taken' });
    expect(serverFieldErrors({ statusCode: 403, code: 'forbidden', message: 'Only managers can do this' }, { prefix: 'invite' })).toEqual({
      [FORM_ERROR]: 'Only managers can do this',
    });
  });

  it('shows only the fields it is told to; when none is left, the error’s own message goes to the form', () => {
    expect(
      serverFieldErrors(
        invalid([
          { field: 'file', message: 'Too big' },
          { field: 'rows', message: 'x' },
        ]),
        { only: ['file'] },
      ),
    ).toEqual({ file: 'Too big' });
    expect(serverFieldErrors(invalid([{ field: 'rows', message: 'x' }], 'The file has no rows'), { only: ['file'] })).toEqual({
      [FORM_ERROR]: 'The file has no rows',
    });
  });

  it('can put that message on a field instead, and reword it', () => {
    const failure = new HttpErrorResponse({ status: 413, error: { statusCode: 413, code: 'too_large', message: 'The file is too large' } });
    expect(serverFieldErrors(failure, { only: ['logo'], unplaced: 'logo' })).toEqual({ logo: 'The file is too large' });
    expect(serverFieldErrors(failure, { reword: (m) => `Nothing has been imported. ${m}` })).toEqual({
      [FORM_ERROR]: 'Nothing has been imported. The file is too large',
    });
  });

  it('says something useful about a failure that is not an API error', () => {
    expect(serverFieldErrors(new HttpErrorResponse({ status: 0 }))[FORM_ERROR]).toMatch(/could not be reached/);
    expect(serverFieldErrors(new Error('boom'))[FORM_ERROR]).toMatch(/problem with the service/);
  });
});

describe('describedByIds', () => {
  it('names the hint, then the error message while there is one', () => {
    expect(describedByIds('cover.meetingDate', 'cover-meetingDate-hint', true)).toBe('cover-meetingDate-hint cover-meetingDate-error');
    expect(describedByIds('cover.meetingDate', 'cover-meetingDate-hint', false)).toBe('cover-meetingDate-hint');
    expect(describedByIds('leads.0.title', null, true)).toBe('leads-0-title-error');
    expect(describedByIds('timescale', 'timescale-hint timescale-reading', false)).toBe('timescale-hint timescale-reading');
  });

  it('is null when there is nothing to point at (no empty attribute)', () => {
    expect(describedByIds('name', undefined, false)).toBeNull();
    expect(describedByIds('name', '', false)).toBeNull();
  });
});

describe('withFieldError', () => {
  it('replaces one field’s message (listing it last) or removes it, leaving the others', () => {
    const errors = { logo: 'old', name: 'Enter the network name' };
    expect(Object.keys(withFieldError(errors, 'logo', 'new'))).toEqual(['name', 'logo']);
    expect(withFieldError(errors, 'logo', null)).toEqual({ name: 'Enter the network name' });
    expect(withFieldError(errors, 'region', undefined)).toEqual(errors);
  });
});
