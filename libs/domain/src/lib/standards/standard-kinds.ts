/**
 * What a standard set is (issue 9): a national service specification (such as the D15 major trauma measures,
 * numbered as nationally), a network's own standards, or an assessment tool like seed 001's (Criteria / Evidence /
 * R-A-G / Identified gaps / Comments).
 */
export const STANDARD_SET_KINDS = ['national_specification', 'network_standards', 'assessment_tool'] as const;
export type StandardSetKind = (typeof STANDARD_SET_KINDS)[number];

export const STANDARD_SET_KIND_LABELS: Readonly<Record<StandardSetKind, string>> = {
  national_specification: 'National service specification',
  network_standards: 'Network standards',
  assessment_tool: 'Assessment tool',
};

/** A version of a set: a draft while it is written, published once it may be used, frozen once a cycle has used it. */
export const STANDARD_VERSION_STATUSES = ['draft', 'published'] as const;
export type StandardVersionStatus = (typeof STANDARD_VERSION_STATUSES)[number];

export const STANDARD_VERSION_STATUS_LABELS: Readonly<Record<StandardVersionStatus, string>> = {
  draft: 'Draft',
  published: 'Published',
};
