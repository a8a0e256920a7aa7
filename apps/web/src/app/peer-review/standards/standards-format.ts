import type { StandardCriterionDto, StandardCriterionInput, StandardSetDto, StandardVersionSummaryDto } from '@plexus/contracts';
import { ASSESSMENT_SCALES, describeAppliesTo, type OrganisationType, STANDARD_SET_KIND_LABELS } from '@plexus/domain';

export const KIND_LABELS = STANDARD_SET_KIND_LABELS;

/** `Red / Amber / Green`, `Met / Partially met / Not met / Not applicable`. */
export function scaleLabel(scale: StandardSetDto['answerScale']): string {
  return ASSESSMENT_SCALES[scale].label;
}

/** A version's state in words, with its tag (the colour is never the only sign). */
export function versionStatus(v: Pick<StandardVersionSummaryDto, 'status' | 'frozen'>): { text: string; tagClass: string } {
  if (v.frozen) return { text: 'Frozen', tagClass: 'nhsuk-tag--grey' };
  if (v.status === 'published') return { text: 'Published', tagClass: 'nhsuk-tag--green' };
  return { text: 'Draft', tagClass: 'nhsuk-tag--yellow' };
}

/** "1 criterion", "12 criteria". */
export function countCriteria(n: number): string {
  return n === 1 ? '1 criterion' : `${n} criteria`;
}

/** "1 section", "4 sections". */
export function countSections(n: number): string {
  return n === 1 ? '1 section' : `${n} sections`;
}

/** Whom a criterion is for, in words: `All organisations` or the types' labels. */
export function appliesToText(types: readonly OrganisationType[]): string {
  return describeAppliesTo(types);
}

/** `D15 Major trauma measures`: the code, then the name (once, when the name starts with the code already). */
export function setTitle(s: { code: string; name: string }): string {
  return s.name.toLowerCase().startsWith(s.code.toLowerCase()) ? s.name : `${s.code} ${s.name}`;
}

/** The name without the code it starts with (`D15 Major trauma` → `Major trauma`), for a list that shows the code apart. */
export function nameAfterCode(s: { code: string; name: string }): string {
  return s.name.toLowerCase().startsWith(`${s.code.toLowerCase()} `) ? s.name.slice(s.code.length).trim() : s.name;
}

/** `1 Governance`, or the title alone when the section has no number. */
export function sectionHeading(s: { number: string; title: string }): string {
  return s.number ? `${s.number} ${s.title}` : s.title;
}

/**
 * The version a set's page opens: the one asked for (`?version=`) when it is the set's, else the draft being written,
 * else the newest published one, else the newest.
 */
export function chooseVersion(set: Pick<StandardSetDto, 'versions' | 'currentVersionId'>, requested: string | null | undefined): string | null {
  if (requested && set.versions.some((v) => v.id === requested)) return requested;
  return set.versions.find((v) => v.status === 'draft')?.id ?? set.currentVersionId ?? set.versions[0]?.id ?? null;
}

/** "v2 draft · v1 published (frozen)": a set's versions in brief, newest first. */
export function versionsSummary(versions: readonly StandardVersionSummaryDto[]): string {
  if (!versions.length) return 'No versions';
  return versions.map((v) => `v${v.version} ${versionStatus(v).text.toLowerCase()}`).join(' · ');
}

/** The criterion form, as typed. */
export interface CriterionForm {
  id: string | null;
  sectionId: string;
  number: string;
  text: string;
  evidenceExpected: string;
  appliesTo: OrganisationType[];
}

export function criterionForm(sectionId: string, c?: StandardCriterionDto): CriterionForm {
  return c
    ? { id: c.id, sectionId: c.sectionId, number: c.number, text: c.text, evidenceExpected: c.evidenceExpected, appliesTo: [...c.appliesTo] }
    : { id: null, sectionId, number: '', text: '', evidenceExpected: '', appliesTo: [] };
}

/** What the API takes from the form; a move to another section only when the section changed. */
export function criterionInput(form: CriterionForm, currentSectionId: string | null): StandardCriterionInput {
  return {
    number: form.number,
    text: form.text,
    evidenceExpected: form.evidenceExpected,
    appliesTo: form.appliesTo,
    ...(currentSectionId && form.sectionId !== currentSectionId ? { sectionId: form.sectionId } : {}),
  };
}

/** The types ticked, after one box changed. */
export function toggleType(types: readonly OrganisationType[], type: OrganisationType, on: boolean): OrganisationType[] {
  return on ? (types.includes(type) ? [...types] : [...types, type]) : types.filter((t) => t !== type);
}

/** "Row 3 (1.2): Applies to – …" */
export function importProblemText(row: { row: number; criterionNumber: string }, problem: { field: string; message: string }): string {
  const where = row.criterionNumber ? `Row ${row.row} (${row.criterionNumber})` : `Row ${row.row}`;
  return `${where}: ${problem.message}`;
}

/** "21 criteria in 6 sections have been imported into version 1." */
export function importedMessage(result: { sections: number; criteria: number; version: { version: number } }): string {
  const verb = result.criteria === 1 ? 'has' : 'have';
  return `${countCriteria(result.criteria)} in ${countSections(result.sections)} ${verb} been imported into version ${result.version.version}.`;
}
