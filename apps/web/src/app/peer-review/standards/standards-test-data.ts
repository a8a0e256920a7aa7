import type { StandardCriterionDto, StandardSectionDto, StandardSetDto, StandardVersionDto, StandardVersionSummaryDto } from '@plexus/contracts';

// Records shaped as the API answers them, for the standards pages' specs.

export const SLUG = 'east-midlands';
export const BASE = `/api/networks/${SLUG}/standards`;
export const SET_ID = '5a0e1d52-1111-4111-8111-000000000001';
export const NATIONAL_ID = '5a0e1d52-1111-4111-8111-000000000002';
export const V1 = '5a0e1d52-2222-4222-8222-000000000001';
export const V2 = '5a0e1d52-2222-4222-8222-000000000002';
export const S1 = '5a0e1d52-3333-4333-8333-000000000001';
export const S2 = '5a0e1d52-3333-4333-8333-000000000002';
const AT = '2026-11-01T10:00:00.000Z';

export const summary = (id: string, version: number, extra: Partial<StandardVersionSummaryDto> = {}): StandardVersionSummaryDto => ({
  id,
  version,
  status: 'draft',
  frozen: false,
  frozenAt: null,
  publishedAt: null,
  sectionCount: 2,
  criterionCount: 3,
  createdAt: AT,
  updatedAt: AT,
  ...extra,
});

export const standardSet = (extra: Partial<StandardSetDto> = {}): StandardSetDto => ({
  id: SET_ID,
  code: 'EMMTN-AT',
  name: 'Network assessment tool',
  kind: 'assessment_tool',
  answerScale: 'rag',
  description: 'What each organisation shows the network each year.',
  national: false,
  versions: [summary(V1, 1)],
  currentVersionId: null,
  can: { manage: true, newVersion: false },
  createdAt: AT,
  updatedAt: AT,
  ...extra,
});

export const criterion = (n: string, sectionId: string, position: number, extra: Partial<StandardCriterionDto> = {}): StandardCriterionDto => ({
  id: `5a0e1d52-4444-4444-8444-00000000000${n.replace(/\D/g, '').slice(-1)}`,
  sectionId,
  position,
  number: n,
  text: `Criterion ${n}`,
  evidenceExpected: '',
  appliesTo: [],
  createdAt: AT,
  updatedAt: AT,
  ...extra,
});

export const section = (id: string, position: number, number: string, title: string, criteria: StandardCriterionDto[]): StandardSectionDto => ({
  id,
  position,
  number,
  title,
  criteria,
  createdAt: AT,
  updatedAt: AT,
});

export const SECTIONS = [
  section(S1, 1, '1', 'Access', [
    criterion('1.1', S1, 1, { evidenceExpected: 'Waiting times by hospital', appliesTo: ['major_trauma_centre', 'trauma_unit'] }),
    criterion('1.2', S1, 2),
  ]),
  section(S2, 2, '2', 'Transfers', [criterion('2.3', S2, 1)]),
];

export const version = (extra: Partial<StandardVersionDto> = {}): StandardVersionDto => {
  const set = standardSet();
  return {
    id: V1,
    version: 1,
    status: 'draft',
    frozen: false,
    frozenAt: null,
    publishedAt: null,
    set: {
      id: set.id,
      code: set.code,
      name: set.name,
      kind: set.kind,
      answerScale: set.answerScale,
      description: set.description,
      national: set.national,
    },
    sections: SECTIONS,
    criterionCount: 3,
    otherVersions: [],
    can: { edit: true, publish: true, delete: false, newVersion: false },
    createdAt: AT,
    updatedAt: AT,
    ...extra,
  };
};
