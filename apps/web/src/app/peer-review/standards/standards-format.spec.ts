import {
  appliesToText,
  chooseVersion,
  countCriteria,
  criterionForm,
  criterionInput,
  importedMessage,
  importProblemText,
  sectionHeading,
  toggleType,
  versionsSummary,
  versionStatus,
} from './standards-format';
import { criterion, S1, S2, standardSet, summary, V1, V2 } from './standards-test-data';

describe('standards wording and small rules', () => {
  it('names a version’s state in words: draft, published, frozen', () => {
    expect(versionStatus({ status: 'draft', frozen: false }).text).toBe('Draft');
    expect(versionStatus({ status: 'published', frozen: false })).toEqual({ text: 'Published', tagClass: 'nhsuk-tag--green' });
    expect(versionStatus({ status: 'published', frozen: true }).text).toBe('Frozen');
    expect(versionsSummary([summary(V2, 2), summary(V1, 1, { status: 'published', frozen: true })])).toBe('v2 draft · v1 frozen');
    expect(versionsSummary([])).toBe('No versions');
  });

  it('opens the version asked for, else the draft, else the current one', () => {
    const set = standardSet({ versions: [summary(V2, 2), summary(V1, 1, { status: 'published' })], currentVersionId: V1 });
    expect(chooseVersion(set, V1)).toBe(V1);
    expect(chooseVersion(set, 'not-of-this-set')).toBe(V2);
    expect(chooseVersion(set, undefined)).toBe(V2);
    expect(chooseVersion({ ...set, versions: [summary(V1, 1, { status: 'published' })] }, null)).toBe(V1);
    expect(chooseVersion({ versions: [], currentVersionId: null }, null)).toBeNull();
  });

  it('counts and headings read well', () => {
    expect(countCriteria(1)).toBe('1 criterion');
    expect(countCriteria(21)).toBe('21 criteria');
    expect(sectionHeading({ number: 'D15-2', title: 'Major trauma centre' })).toBe('D15-2 Major trauma centre');
    expect(sectionHeading({ number: '', title: 'Criteria' })).toBe('Criteria');
    expect(appliesToText([])).toBe('All organisations');
    expect(appliesToText(['trauma_unit', 'major_trauma_centre'])).toBe('Major trauma centre, Trauma unit');
  });

  it('sends a move to another section only when the section changed', () => {
    const c = criterion('1.1', S1, 1);
    const form = criterionForm(S1, c);
    expect(criterionInput(form, S1)).toEqual({ number: '1.1', text: 'Criterion 1.1', evidenceExpected: '', appliesTo: [] });
    expect(criterionInput({ ...form, sectionId: S2 }, S1)).toMatchObject({ sectionId: S2 });
    expect(criterionInput(criterionForm(S2), null)).not.toHaveProperty('sectionId');
  });

  it('ticks and unticks organisation types, each once', () => {
    expect(toggleType([], 'trauma_unit', true)).toEqual(['trauma_unit']);
    expect(toggleType(['trauma_unit'], 'trauma_unit', true)).toEqual(['trauma_unit']);
    expect(toggleType(['trauma_unit', 'icb'], 'trauma_unit', false)).toEqual(['icb']);
  });

  it('says what an import found and did', () => {
    expect(importProblemText({ row: 3, criterionNumber: '1.2' }, { field: 'appliesTo', message: '“Hospice” is not an organisation type' })).toBe(
      'Row 3 (1.2): “Hospice” is not an organisation type',
    );
    expect(importProblemText({ row: 4, criterionNumber: '' }, { field: 'criterion', message: 'The criterion is empty' })).toBe(
      'Row 4: The criterion is empty',
    );
    expect(importedMessage({ sections: 6, criteria: 21, version: { version: 1 } })).toBe(
      '21 criteria in 6 sections have been imported into version 1.',
    );
    expect(importedMessage({ sections: 1, criteria: 1, version: { version: 2 } })).toBe('1 criterion in 1 section has been imported into version 2.');
  });
});
