import { actionLabel, changeLines, formatAuditValue, humanise, recordTypeLabel } from './audit-format';

describe('audit formatting', () => {
  it('writes each changed field as "Field: before → after" parts', () => {
    const lines = changeLines({
      changes: {
        region: { from: 'North', to: 'North West' },
        purpose: { from: '', to: 'To improve care' },
        'branding.primaryColour': { from: '#005eb8', to: '#003087' },
        memberOrganisations: {
          from: [{ id: '1', name: 'Royal Infirmary', type: 'spinal_hub' }],
          to: [],
        },
        leadershipRoles: { from: null, to: [{ title: 'Clinical lead', personName: 'Dr A Patel' }] },
      },
    });
    expect(lines).toEqual([
      { field: 'Region', before: 'North', after: 'North West' },
      { field: 'Purpose', before: '(empty)', after: 'To improve care' },
      { field: 'Branding: primary colour', before: '#005eb8', after: '#003087' },
      { field: 'Member organisations', before: 'Royal Infirmary (Spinal hub)', after: '(none)' },
      { field: 'Leadership roles', before: '(none)', after: 'Clinical lead: Dr A Patel' },
    ]);
  });

  it('shortens very long values', () => {
    const text = formatAuditValue('x'.repeat(1000));
    expect(text.length).toBe(300);
    expect(text.endsWith('…')).toBe(true);
  });

  it('names records and actions, humanising unknown ones', () => {
    expect(recordTypeLabel('network_profile')).toBe('Network profile');
    expect(recordTypeLabel('risk_register_entry')).toBe('Risk register entry');
    expect(actionLabel('update')).toBe('Changed');
    expect(humanise('coreFunctions')).toBe('Core functions');
  });
});
