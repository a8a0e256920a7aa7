import { criterionApplies, type AssessmentScaleId } from '@plexus/domain';
import type { StandardCriterion } from './standard-criterion.entity';
import type { StandardSection } from './standard-section.entity';
import type { StandardSet } from './standard-set.entity';
import type { StandardSetVersion } from './standard-set-version.entity';

/**
 * A standard set version as a self-assessment reads it: its set's scale, its sections in order, their criteria in
 * order (`StandardSetRepository.frame`). Read by the API's self-assessments and the worker's peer review documents.
 */
export interface AssessmentFrame {
  version: StandardSetVersion;
  set: StandardSet;
  scale: AssessmentScaleId;
  sections: Array<{ section: StandardSection; criteria: StandardCriterion[] }>;
}

/** The criteria of a frame that apply to an organisation of this type, section by section (sections with none kept, empty). */
export function applicableSections(
  frame: AssessmentFrame,
  organisationType: string,
): Array<{ section: StandardSection; criteria: StandardCriterion[] }> {
  return frame.sections.map((s) => ({ section: s.section, criteria: s.criteria.filter((c) => criterionApplies(c.appliesTo, organisationType)) }));
}
