import {
  ASSESSMENT_SCALES,
  COMPLIANCE_BAND_INFO,
  complianceBand,
  complianceSummary,
  RAG_INFO,
  type AssessmentAnswer,
  type AssessmentScaleId,
  type ComplianceSummary,
} from '@plexus/domain';
import {
  applicableSections,
  ReviewCycleRepository,
  SelfAssessmentRepository,
  StandardSetRepository,
  type AssessmentFrame,
  type MemberOrganisation,
  type ReviewActivity,
  type SelfAssessmentAnswer,
  type StandardCriterion,
  type StandardSection,
} from '@plexus/server';

/**
 * What the peer review documents (one organisation's report, the programme summary) share: a standard set version as a
 * self-assessment answers it, compliance per section in figures and words, and the compliance chart. Colour is never
 * the only signal: every bar, cell and key names its figures in words.
 */

/** The version's frame (the network's own or a national one), or null when it is not visible here. */
export function loadFrame(versionId: string, cache = new Map<string, AssessmentFrame | null>()): Promise<AssessmentFrame | null> {
  return new StandardSetRepository().frame(versionId, cache);
}

/** `EMMTN-AT – Network assessment tool, version 1` */
export function versionLabel(frame: AssessmentFrame): string {
  return `${frame.set.code} – ${frame.set.name}, version ${frame.version.version}`;
}

/** `1 Trauma team` (the section's number where it has one). */
export function sectionLabel(section: StandardSection): string {
  return section.number ? `${section.number} ${section.title}` : section.title;
}

/** Compliance over these criteria, with the ratings given (by criterion id); unrated ones count against it. */
export function complianceOf(
  scale: AssessmentScaleId,
  criteria: StandardCriterion[],
  ratings: Map<string, AssessmentAnswer | null>,
): ComplianceSummary {
  return complianceSummary(
    scale,
    criteria.map((c) => ratings.get(c.id) ?? null),
  );
}

/** A heat map cell: `75%` with `3 of 4 met` (and what is not answered), its band's colour and the band in words. */
export interface ComplianceCellView {
  main: string;
  detail: string;
  band: string;
  colour: string;
  textColour: string;
}

export function complianceCell(c: ComplianceSummary): ComplianceCellView {
  const info = COMPLIANCE_BAND_INFO[complianceBand(c.percent)];
  if (c.percent === null)
    return { main: 'N/A', detail: 'No applicable measures', band: info.label, colour: info.colour, textColour: info.textColour };
  const unanswered = c.unanswered ? `, ${c.unanswered} not answered` : '';
  return {
    main: `${c.percent}%`,
    detail: `${c.met} of ${c.applicable} met${unanswered}`,
    band: info.label,
    colour: info.colour,
    textColour: info.textColour,
  };
}

/** The heat map's key: each band's colour and words. */
export function complianceKey(): Array<{ label: string; colour: string }> {
  return (['high', 'mid', 'low', 'none'] as const).map((b) => ({ label: COMPLIANCE_BAND_INFO[b].label, colour: COMPLIANCE_BAND_INFO[b].colour }));
}

/** How a scale's answers count, in words, for a table's note: Green counts as met… (Met… scales need no note). */
export function scaleNote(scale: AssessmentScaleId): string {
  if (scale === 'met') return 'Measures answered not applicable are left out of the per cent met.';
  const words = ASSESSMENT_SCALES.rag.answers.map(
    (a) => `${a.label} as ${a.outcome === 'met' ? 'met' : a.outcome === 'partially_met' ? 'partially met' : 'not met'}`,
  );
  return `Answered on the Red / Amber / Green scale: ${words.slice(0, -1).join(', ')} and ${words.at(-1)}.`;
}

const OUTCOMES = [
  { key: 'met', label: 'Met', colour: RAG_INFO.green.colour, textColour: RAG_INFO.green.textColour },
  { key: 'partiallyMet', label: 'Partially met', colour: RAG_INFO.amber.colour, textColour: RAG_INFO.amber.textColour },
  { key: 'notMet', label: 'Not met', colour: RAG_INFO.red.colour, textColour: RAG_INFO.red.textColour },
  { key: 'notApplicable', label: 'Not applicable', colour: RAG_INFO.grey.colour, textColour: RAG_INFO.grey.textColour },
  { key: 'unanswered', label: 'Not answered', colour: '#ffffff', textColour: '#212b32' },
] as const;

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * The compliance chart of one self-assessment: a bar per section (and one for every section together), split into
 * met, partially met, not met, not applicable and not answered, with the counts inside and the per cent met at the
 * right; a legend in words. Drawn as SVG on the server (no script in the page).
 */
export function complianceChart(rows: Array<{ label: string; compliance: ComplianceSummary }>) {
  const labelWidth = 200;
  const barWidth = 320;
  const barHeight = 16;
  const gap = 11;
  const outcomes = OUTCOMES.filter((o) => o.key !== 'unanswered' || rows.some((r) => r.compliance.unanswered > 0));
  const bars = rows.map((row, i) => {
    const c = row.compliance;
    const total = outcomes.reduce((n, o) => n + c[o.key], 0);
    const y = 6 + i * (barHeight + gap);
    let x = labelWidth;
    const segments = outcomes
      .filter((o) => c[o.key] > 0)
      .map((o) => {
        const width = total ? (c[o.key] / total) * barWidth : 0;
        const seg = {
          x: round(x),
          y,
          width: round(width),
          height: barHeight,
          colour: o.colour,
          stroke: o.key === 'unanswered' ? '#768692' : 'none',
          textColour: o.textColour,
          count: c[o.key],
          showCount: width >= 14,
          textX: round(x + width / 2),
          textY: y + 11.5,
          title: `${row.label}: ${c[o.key]} ${o.label.toLowerCase()}`,
        };
        x += width;
        return seg;
      });
    // A long section title takes two lines beside its bar rather than being cut.
    const lines = labelLines(row.label, 36);
    return {
      lines: lines.map((text, n) => ({ text, y: lines.length === 1 ? y + 11.5 : y + 6.5 + n * 10 })),
      textY: y + 11.5,
      segments,
      percent: c.percent === null ? 'N/A' : `${c.percent}%`,
      percentX: labelWidth + barWidth + 8,
    };
  });
  const legendY = 6 + rows.length * (barHeight + gap) + 2;
  const legend = outcomes.map((o, i) => ({
    x: i * 105,
    y: legendY,
    textX: i * 105 + 11,
    textY: legendY + 7.5,
    colour: o.colour,
    stroke: o.key === 'unanswered' ? '#768692' : 'none',
    label: o.label,
  }));
  return { width: labelWidth + barWidth + 50, height: legendY + 16, bars, legend };
}

/** A label in lines of at most `width` characters, broken between words: two lines at most (the second cut with … if need be). */
export function labelLines(label: string, width: number): string[] {
  if (label.length <= width) return [label];
  const words = label.split(/\s+/);
  let first = '';
  while (words.length && `${first} ${words[0]}`.trim().length <= width) first = `${first} ${words.shift()}`.trim();
  if (!first) first = (words.shift() ?? '').slice(0, width);
  const rest = words.join(' ');
  return [first, rest.length > width ? `${rest.slice(0, width - 1)}…` : rest].filter(Boolean);
}

/** One organisation's self-assessment for one activity, as the documents tell it. */
export interface AssessmentResult {
  state: 'not_started' | 'draft' | 'submitted';
  submittedAt: Date | null;
  answered: number;
  /** Applicable criteria. */
  total: number;
  /** Applicable criteria per section, with compliance from the ratings given (unrated count against it). */
  sections: Array<{ section: StandardSection; criteria: StandardCriterion[]; compliance: ComplianceSummary }>;
  overall: ComplianceSummary;
  answers: Map<string, SelfAssessmentAnswer>;
}

/** A self-assessment activity of a cycle, its standard set version, and each organisation's result. */
export interface ActivityResults {
  activity: ReviewActivity;
  frame: AssessmentFrame | null;
  results: Map<string, AssessmentResult>;
}

/**
 * Every self-assessment activity of the cycle (in plan order) with the results of these organisations: their
 * self-assessment's state, progress and compliance per applicable section (against the version each answered).
 */
export async function assessmentResults(
  cycleId: string,
  organisations: ReadonlyArray<Pick<MemberOrganisation, 'id' | 'type'>>,
): Promise<ActivityResults[]> {
  const activities = (await new ReviewCycleRepository().activities(cycleId)).filter((a) => a.kind === 'self_assessment');
  const repo = new SelfAssessmentRepository();
  const started = await repo.assessments({ cycleId, organisationIds: organisations.map((o) => o.id) });
  const answers = await repo.answersOf(started.map((s) => s.id));
  const frames = new Map<string, AssessmentFrame | null>();
  const out: ActivityResults[] = [];
  for (const activity of activities) {
    const frame = activity.standardSetVersionId ? await loadFrame(activity.standardSetVersionId, frames) : null;
    const results = new Map<string, AssessmentResult>();
    for (const organisation of organisations) {
      const assessment = started.find((s) => s.activityId === activity.id && s.organisationId === organisation.id) ?? null;
      const own = (assessment ? await loadFrame(assessment.standardSetVersionId, frames) : null) ?? frame;
      if (!own) continue;
      const mine = new Map(answers.filter((a) => assessment && a.selfAssessmentId === assessment.id).map((a) => [a.criterionId, a]));
      const ratings = new Map([...mine].map(([id, a]) => [id, a.rating]));
      const sections = applicableSections(own, organisation.type).map((s) => ({ ...s, compliance: complianceOf(own.scale, s.criteria, ratings) }));
      const criteria = sections.flatMap((s) => s.criteria);
      results.set(organisation.id, {
        state: assessment?.state ?? 'not_started',
        submittedAt: assessment?.submittedAt ?? null,
        answered: criteria.filter((c) => mine.get(c.id)?.rating).length,
        total: criteria.length,
        sections,
        overall: complianceOf(own.scale, criteria, ratings),
        answers: mine,
      });
    }
    out.push({ activity, frame, results });
  }
  return out;
}
