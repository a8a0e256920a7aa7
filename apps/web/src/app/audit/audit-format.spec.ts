import { AUDIT_RECORD_TYPE_VALUES } from '@plexus/contracts';
import { actionLabel, changeLines, eventTitle, fieldLabel, FILTER_RECORD_TYPES, formatAuditValue, humanise, recordTypeLabel } from './audit-format';

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

  it('offers every record type the API covers in the filter, by name', () => {
    expect([...FILTER_RECORD_TYPES].sort()).toEqual([...AUDIT_RECORD_TYPE_VALUES].sort());
    const labels = FILTER_RECORD_TYPES.map(recordTypeLabel);
    expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b, 'en-GB')));
    expect(labels).toContain('Work item');
    expect(labels).toContain('Risk');
    expect(labels).toContain('Report');
    // No column-style names left: every label is words.
    for (const label of labels) expect(label).not.toMatch(/_/);
  });

  it('says fields as the forms do, not as the columns are called', () => {
    expect(fieldLabel('dueOn')).toBe('Target date');
    expect(fieldLabel('themeId')).toBe('Theme');
    expect(fieldLabel('likelihoodBefore')).toBe('Likelihood before mitigation');
    expect(fieldLabel('withdrawnReason')).toBe('Reason for withdrawing');
    // Unknown fields: humanised, and an id field named by what it names.
    expect(fieldLabel('leadRoleTitle')).toBe('Lead role title');
    expect(fieldLabel('carriedFromId')).toBe('Carried from');
  });

  it('shows dates in UK order, ids as names, statuses and roles in words', () => {
    const names = { '6f1c2a3e-8b4d-4c5e-9f60-718293a4b5c6': 'Workforce', 'a1b2c3d4-0000-4000-8000-000000000001': 'Priya Shah' };
    expect(formatAuditValue('2026-12-10')).toBe('10 December 2026');
    expect(formatAuditValue('2026-12-10T14:05:00.000Z')).toBe('10 December 2026 at 14:05');
    expect(formatAuditValue('2026-07-01T08:30:00.000Z')).toBe('1 July 2026 at 09:30'); // BST
    expect(formatAuditValue('6f1c2a3e-8b4d-4c5e-9f60-718293a4b5c6', names, 'themeId')).toBe('Workforce');
    expect(formatAuditValue(['a1b2c3d4-0000-4000-8000-000000000001'], names, 'leads')).toBe('Priya Shah');
    expect(formatAuditValue('on_track', {}, 'status')).toBe('On track');
    expect(formatAuditValue('manager', {}, 'role')).toBe('Network manager');
    expect(formatAuditValue(true)).toBe('Yes');
    expect(formatAuditValue(false)).toBe('No');
    // Not a date nor a known id: as it is.
    expect(formatAuditValue('2026-13-45x')).toBe('2026-13-45x');
    expect(formatAuditValue('on_track', {}, 'narrative')).toBe('on_track');
  });

  it('writes a change line in people’s words', () => {
    const names = { '6f1c2a3e-8b4d-4c5e-9f60-718293a4b5c6': 'Workforce', '7d2a0b9e-1c3f-4e5a-8b6c-9d0e1f2a3b4c': 'Quality' };
    expect(
      changeLines(
        {
          changes: {
            dueOn: { from: '2024-03-31', to: '2024-09-30' },
            themeId: { from: '6f1c2a3e-8b4d-4c5e-9f60-718293a4b5c6', to: '7d2a0b9e-1c3f-4e5a-8b6c-9d0e1f2a3b4c' },
            status: { from: 'on_track', to: 'at_risk' },
          },
        },
        names,
      ),
    ).toEqual([
      { field: 'Target date', before: '31 March 2024', after: '30 September 2024' },
      { field: 'Theme', before: 'Workforce', after: 'Quality' },
      { field: 'Status', before: 'On track', after: 'At risk' },
    ]);
  });

  it('names the record an event is about', () => {
    expect(eventTitle({ action: 'update', entityType: 'work_item', recordName: '1.2 Recruit two coordinators' })).toBe(
      'Changed: Work item “1.2 Recruit two coordinators”',
    );
    expect(eventTitle({ action: 'create', entityType: 'risk', recordName: null })).toBe('Created: Risk');
  });
});
