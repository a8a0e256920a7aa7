import { HttpErrorResponse } from '@angular/common/http';
import { FORM_ERROR } from '../core/form-errors';
import { FormErrors } from './form-errors';

describe('FormErrors', () => {
  it('counts failed submits, and only failed submits', () => {
    const errors = new FormErrors();
    expect(errors.attempt()).toBe(0);
    errors.set({ file: 'Choose a file' });
    errors.setField('file', 'Too big');
    errors.update((e) => ({ ...e, name: 'x' }));
    errors.clear();
    expect(errors.attempt()).toBe(0);

    errors.fail({ name: 'Enter the name' });
    errors.failWith('Only managers can do this');
    expect(errors.attempt()).toBe(2);
    expect(errors.errors()).toEqual({ [FORM_ERROR]: 'Only managers can do this' });
  });

  it('reads one field’s message and tells whether there are any', () => {
    const errors = new FormErrors();
    expect(errors.any()).toBe(false);
    errors.fail({ 'memberOrganisations.2.name': 'Enter the organisation name' });
    expect(errors.message('memberOrganisations.2.name')).toBe('Enter the organisation name');
    expect(errors.message('name')).toBeUndefined();
    expect(errors.any()).toBe(true);
  });

  it('fails one field, keeping the others and listing it last (the order of the summary)', () => {
    const errors = new FormErrors();
    errors.set({ logo: 'old', name: 'Enter the network name' });
    errors.failField('logo', 'The logo must be a PNG or JPEG file');
    expect(Object.entries(errors.errors())).toEqual([
      ['name', 'Enter the network name'],
      ['logo', 'The logo must be a PNG or JPEG file'],
    ]);
    expect(errors.attempt()).toBe(1);
    errors.setField('logo', null);
    expect(errors.errors()).toEqual({ name: 'Enter the network name' });
    expect(errors.attempt()).toBe(1);
  });

  it('maps a failed API call onto the fields it names', () => {
    const errors = new FormErrors();
    errors.failFromServer(
      new HttpErrorResponse({
        status: 400,
        error: { statusCode: 400, code: 'validation_failed', message: 'Invalid', fields: [{ field: 'email', message: 'Taken' }] },
      }),
      { prefix: 'invite' },
    );
    expect(errors.errors()).toEqual({ 'invite.email': 'Taken' });
    expect(errors.attempt()).toBe(1);
  });

  it('keeps each message next to its row when a row is removed', () => {
    const errors = new FormErrors();
    errors.fail({ 'leads.0.title': 'zero', 'leads.2.title': 'two', work: 'Enter the work' });
    errors.removeRow('leads', 1);
    expect(errors.errors()).toEqual({ 'leads.0.title': 'zero', 'leads.1.title': 'two', work: 'Enter the work' });
  });

  it('lists the messages about a field and everything under it', () => {
    const errors = new FormErrors();
    errors.fail({
      'cover.riskReferences.SN/07': 'SN/07 is closed',
      'cover.riskReferencesNote': 'not under it',
      'cover.riskReferences': 'Choose 30 risks or fewer',
      title: 'Enter the title',
    });
    expect(errors.under('cover.riskReferences')).toEqual([
      { path: 'cover.riskReferences.SN/07', message: 'SN/07 is closed' },
      { path: 'cover.riskReferences', message: 'Choose 30 risks or fewer' },
    ]);
  });
});
