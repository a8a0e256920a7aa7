import { formatFinancialYear, type FinancialQuarterNumber, type IsoDate } from '../timescale';
import { quarterDueDate } from './cycle-dates';
import type { ReviewActivityKind } from './vocabulary';

/**
 * The two-year peer review programme of seed 002 (a major trauma network's "Peer Review Programme 2024/2026") as a
 * template: year 1 collects each organisation's annual documents, self-assesses against the standards, holds the
 * formal review panels and issues their reports; year 2 collects the documents again (the work plan now answering the
 * review's recommendations), reviews them, and follows up with each organisation in review meetings. In every quarter
 * of both years the clinical leads report progress on their action plans at the network's clinical group meeting.
 *
 * Each activity is due on the last day of its quarter ("by the end of Q1 (30 June)"), counted from the cycle's first
 * financial year, so the template fits any two consecutive years.
 */
export interface TemplateActivity {
  /** 0 for the cycle's first financial year, 1 for its second. */
  year: 0 | 1;
  quarter: FinancialQuarterNumber;
  kind: ReviewActivityKind;
  title: string;
  description: string;
  /** Submission activities: the documents each organisation sends. */
  requiredDocuments?: string[];
}

export const PROGRAMME_TEMPLATE_ID = 'two-year-programme';
export const PROGRAMME_TEMPLATE_YEARS = 2;
export const PROGRAMME_TEMPLATE_NAME = 'Two-year peer review programme (quarterly activities, as seed 002)';

const ACTION_PLAN_UPDATE = (year: 0 | 1, quarter: FinancialQuarterNumber): TemplateActivity => ({
  year,
  quarter,
  kind: 'action_plan_update',
  title: 'Action plan progress at the clinical group meeting',
  description:
    'Clinical leads update the network on progress against their organisation’s action plan at the quarterly network clinical group meeting.',
});

export const PROGRAMME_TEMPLATE: readonly TemplateActivity[] = [
  // ---- year 1 ---------------------------------------------------------------------------------------------
  {
    year: 0,
    quarter: 1,
    kind: 'submission',
    title: 'Annual documents from each organisation',
    description:
      'Each trust or service sends its annual documents by the end of the quarter. The network provides guidance and templates for each. The annual report gives a detailed update on the previous review cycle’s action plan, and the actions still outstanding are carried forward into the revised work plan.',
    requiredDocuments: ['Annual report', 'Work plan', 'Operational policy'],
  },
  ACTION_PLAN_UPDATE(0, 1),
  {
    year: 0,
    quarter: 2,
    kind: 'self_assessment',
    title: 'Self-assessment against national and network standards',
    description:
      'The major trauma centre and every trauma unit complete a self-assessment against the current national and network standards (using the latest version of the national service specification).',
  },
  {
    year: 0,
    quarter: 2,
    kind: 'report',
    title: 'Advance notice of the peer review panels',
    description: 'The network team tells every trust in advance when its formal peer review meeting will be and who should attend.',
  },
  ACTION_PLAN_UPDATE(0, 2),
  {
    year: 0,
    quarter: 3,
    kind: 'review_meeting',
    title: 'Formal peer review meetings',
    description:
      'The core network team holds a review meeting with each organisation, supported by multidisciplinary colleagues from across the network and, where it applies, reviewers from the children’s network or other adult major trauma networks. Organisations send every representative asked for, so that clinical and operational management views of the whole pathway are heard.',
  },
  ACTION_PLAN_UPDATE(0, 3),
  {
    year: 0,
    quarter: 4,
    kind: 'report',
    title: 'Formal peer review reports issued',
    description: 'The network team circulates each organisation’s formal peer review report.',
  },
  ACTION_PLAN_UPDATE(0, 4),
  // ---- year 2 ---------------------------------------------------------------------------------------------
  {
    year: 1,
    quarter: 1,
    kind: 'submission',
    title: 'Annual documents from each organisation',
    description:
      'Each trust or service sends its annual documents by the end of the quarter. The work plan now takes in the actions that answer the peer review’s recommendations; the annual report updates the previous cycle’s action plan and refers to the outstanding actions carried forward.',
    requiredDocuments: ['Annual report', 'Work plan', 'Operational policy'],
  },
  ACTION_PLAN_UPDATE(1, 1),
  {
    year: 1,
    quarter: 2,
    kind: 'review_meeting',
    title: 'Review of the documents received',
    description:
      'The network team reviews every submission received and asks for more information where it needs it to give an appropriate level of assurance.',
  },
  ACTION_PLAN_UPDATE(1, 2),
  {
    year: 1,
    quarter: 3,
    kind: 'review_meeting',
    title: 'Follow-up review meetings agreed',
    description:
      'From the documents and action plans received, the network team agrees and tells each organisation how its follow-up review meetings will run. Who attends and what is covered depend on what was submitted, progress against the action plan, and other intelligence and data.',
  },
  ACTION_PLAN_UPDATE(1, 3),
  {
    year: 1,
    quarter: 4,
    kind: 'review_meeting',
    title: 'Informal review meetings with each organisation',
    description:
      'The network team continues its informal review meetings with each organisation, shaped by the status of the documents submitted and progress against the action plan.',
  },
  ACTION_PLAN_UPDATE(1, 4),
];

/** A template activity placed in a cycle: its financial year and due date. */
export interface PlannedActivity {
  fy: string;
  fyStartYear: number;
  quarter: FinancialQuarterNumber;
  kind: ReviewActivityKind;
  title: string;
  description: string;
  requiredDocuments: string[];
  dueDate: IsoDate;
}

/** The template's activities for a cycle whose first financial year starts in `firstStartYear`, in order. */
export function planFromTemplate(firstStartYear: number, template: readonly TemplateActivity[] = PROGRAMME_TEMPLATE): PlannedActivity[] {
  return template.map((a) => {
    const fyStartYear = firstStartYear + a.year;
    return {
      fy: formatFinancialYear(fyStartYear),
      fyStartYear,
      quarter: a.quarter,
      kind: a.kind,
      title: a.title,
      description: a.description,
      requiredDocuments: [...(a.requiredDocuments ?? [])],
      dueDate: quarterDueDate(fyStartYear, a.quarter),
    };
  });
}
