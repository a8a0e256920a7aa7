import { auditDiff } from './audit-diff';

describe('auditDiff', () => {
  it('records every field of a new record as null → value, leaving bookkeeping out', () => {
    expect(auditDiff('create', null, { id: 'x', networkId: 'n', name: 'Trust A', type: 'trauma_unit', createdAt: new Date() })).toEqual({
      name: { from: null, to: 'Trust A' },
      type: { from: null, to: 'trauma_unit' },
    });
  });
  it('records only the fields that changed, before → after', () => {
    expect(auditDiff('update', { purpose: 'old', vision: 'same', version: 1 }, { purpose: 'new', vision: 'same', version: 2 })).toEqual({
      purpose: { from: 'old', to: 'new' },
    });
  });
  it('compares arrays by value and shows dates and binary data readably', () => {
    expect(auditDiff('update', { coreFunctions: ['a'] }, { coreFunctions: ['a'] })).toEqual({});
    expect(auditDiff('update', { coreFunctions: ['a'] }, { coreFunctions: ['a', 'b'] })).toEqual({ coreFunctions: { from: ['a'], to: ['a', 'b'] } });
    expect(auditDiff('create', null, { data: Buffer.from('abc'), expiresAt: new Date('2026-01-02T00:00:00Z') })).toEqual({
      data: { from: null, to: '[binary, 3 bytes]' },
      expiresAt: { from: null, to: '2026-01-02T00:00:00.000Z' },
    });
  });
  it('records a deleted record as value → null and never stores secrets', () => {
    expect(auditDiff('delete', { title: 'Chair', tokenHash: 'secret' }, null)).toEqual({ title: { from: 'Chair', to: null } });
  });
});

describe('auditDiff with JSON columns', () => {
  it('decodes serialised JSON so that the trail shows values, not text', () => {
    expect(auditDiff('update', { coreFunctions: '[]' }, { coreFunctions: '["Quality"]' })).toEqual({ coreFunctions: { from: [], to: ['Quality'] } });
    expect(auditDiff('update', { purpose: '[not json' }, { purpose: 'plain' })).toEqual({ purpose: { from: '[not json', to: 'plain' } });
  });
});
