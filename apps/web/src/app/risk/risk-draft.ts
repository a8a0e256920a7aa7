import type { CreateRiskRequest, RiskDto } from '@plexus/contracts';
import { ratingFromText } from './risk-format';

/** The risk form's state: every control's text, as typed or chosen (`''` = nothing chosen). */
export interface RiskDraft {
  dateRegistered: string;
  identifiedBy: string;
  description: string;
  category: string;
  likelihoodBefore: string;
  impactBefore: string;
  mitigation: string;
  /** A member's user id, or `''` for a lead named in text (or none). */
  mitigationLeadUserId: string;
  mitigationLeadName: string;
  likelihoodAfter: string;
  impactAfter: string;
  targetScore: string;
  outcome: string;
  reviewFrequencyMonths: string;
  nextReviewDue: string;
  /** Ids of the work items that mitigate the risk. */
  linkedWorkItemIds: string[];
}

export function emptyDraft(today: string): RiskDraft {
  return {
    dateRegistered: today,
    identifiedBy: '',
    description: '',
    category: '',
    likelihoodBefore: '',
    impactBefore: '',
    mitigation: '',
    mitigationLeadUserId: '',
    mitigationLeadName: '',
    likelihoodAfter: '',
    impactAfter: '',
    targetScore: '',
    outcome: '',
    reviewFrequencyMonths: '3',
    nextReviewDue: '',
    linkedWorkItemIds: [],
  };
}

function text(value: number | null | undefined): string {
  return value == null ? '' : String(value);
}

/** A legacy score has no likelihood and impact: those selects start empty, to be re-scored. */
export function draftFromRisk(risk: RiskDto): RiskDraft {
  return {
    dateRegistered: risk.dateRegistered,
    identifiedBy: risk.identifiedBy,
    description: risk.description,
    category: risk.category,
    likelihoodBefore: text(risk.before.likelihood),
    impactBefore: text(risk.before.impact),
    mitigation: risk.mitigation,
    mitigationLeadUserId: risk.mitigationLead.userId ?? '',
    mitigationLeadName: risk.mitigationLead.userId ? '' : risk.mitigationLead.name,
    likelihoodAfter: text(risk.current.likelihood),
    impactAfter: text(risk.current.impact),
    targetScore: text(risk.targetScore),
    outcome: risk.outcome,
    reviewFrequencyMonths: text(risk.reviewFrequencyMonths),
    nextReviewDue: risk.nextReviewDue ?? '',
    linkedWorkItemIds: risk.linkedWorkItems.map((w) => w.id),
  };
}

/**
 * What the form would send, before validation, in the shape of `CreateRiskRequest` so that the
 * shared schema checks it and its issue paths name the form's fields. An unchosen rating is left
 * undefined for the schema to report ("Choose the likelihood before mitigation").
 */
export function requestFromDraft(draft: RiskDraft): Record<keyof CreateRiskRequest, unknown> {
  const leadUserId = draft.mitigationLeadUserId.trim();
  return {
    dateRegistered: draft.dateRegistered.trim() || undefined,
    identifiedBy: draft.identifiedBy,
    description: draft.description,
    category: draft.category,
    likelihoodBefore: ratingFromText(draft.likelihoodBefore),
    impactBefore: ratingFromText(draft.impactBefore),
    mitigation: draft.mitigation,
    // A member, or a name or role as text: one or the other.
    mitigationLeadUserId: leadUserId || null,
    mitigationLeadName: leadUserId ? '' : draft.mitigationLeadName,
    likelihoodAfter: ratingFromText(draft.likelihoodAfter),
    impactAfter: ratingFromText(draft.impactAfter),
    targetScore: draft.targetScore.trim() === '' ? null : Number(draft.targetScore),
    outcome: draft.outcome,
    linkedWorkItemIds: draft.linkedWorkItemIds,
    reviewFrequencyMonths: draft.reviewFrequencyMonths.trim() === '' ? undefined : Number(draft.reviewFrequencyMonths),
    nextReviewDue: draft.nextReviewDue.trim() || null,
  };
}
