import { PAPER_PURPOSE_LABELS, PAPER_PURPOSES, REPORT_KIND_LABELS, type boardPaperCoverSchema, type requestReportSchema } from '@plexus/contracts';
import { formatIsoDateLong } from '@plexus/domain';
import { RequestScopes, Risk, currentOf } from '@plexus/server';
import type { z } from 'zod';
import { loadNetworkView } from './network-view';
import { progressSections } from './progress.view-model';
import { riskRegisterSections } from './risk-register.view-model';
import { numberSections, type DocumentViewModel, type SectionView } from './view-model';

type ReportRequest = z.output<typeof requestReportSchema>;
type Cover = z.output<typeof boardPaperCoverSchema>;

async function body(kind: 'progress' | 'risk_register', options: Record<string, unknown>, today: string) {
  return kind === 'progress' ? progressSections(options, today) : { ...(await riskRegisterSections(options, today)), planTitle: '' };
}

async function coverSheet(cover: Cover): Promise<{ meta: Array<{ label: string; value: string }>; data: unknown }> {
  const risks = cover.riskReferences.length ? await RequestScopes.em().find(Risk, { reference: { $in: cover.riskReferences } }) : [];
  return {
    meta: [
      { label: 'Meeting', value: `${cover.meeting}, ${formatIsoDateLong(cover.meetingDate)}` },
      ...(cover.paperReference ? [{ label: 'Paper', value: cover.paperReference }] : []),
      { label: 'Author', value: cover.author },
    ],
    data: {
      purposes: PAPER_PURPOSES.map((p) => {
        const [label, description] = PAPER_PURPOSE_LABELS[p].split(' — ');
        return { label, description, selected: cover.purposes.includes(p) };
      }),
      previous: cover.previousConsideration,
      executiveSummary: cover.executiveSummary,
      questions: cover.questions,
      priorities: cover.priorities.map((p) => ({ priority: p.priority, link: p.link === 'not_applicable' ? 'Not applicable' : p.link === 'yes' ? 'Yes' : 'No' })),
      equalityImpact: cover.equalityImpact || 'Not stated',
      publicInvolvement: cover.publicInvolvement || 'Not stated',
      risks: cover.riskReferences.map((ref) => {
        const r = risks.find((x) => x.reference === ref);
        return { reference: ref, description: r?.description ?? 'not found', score: r ? `score ${currentOf(r).score ?? '–'}` : '' };
      }),
      nextPaperDate: cover.nextPaperDate || 'TBC',
    },
  };
}

/** Builds the whole view model of a requested document, reading everything inside the network's context. */
export async function buildDocument(request: ReportRequest, title: string): Promise<DocumentViewModel> {
  const { network, brand, today, todayLong } = await loadNetworkView();
  let sections: Array<Omit<SectionView, 'number' | 'id'>>;
  let facts: Array<{ label: string; value: string }>;
  let subtitle: string;
  let sheet: DocumentViewModel['doc']['coverSheet'] = null;
  if (request.kind === 'board_paper') {
    const inner = request.body ? await body(request.body.kind, request.body.options as Record<string, unknown>, today) : { sections: [], facts: [] };
    sheet = await coverSheet(request.cover);
    sections = inner.sections;
    subtitle = `${request.cover.meeting}, ${formatIsoDateLong(request.cover.meetingDate)}${request.cover.paperReference ? ` · ${request.cover.paperReference}` : ''}`;
    facts = [{ label: 'Author', value: request.cover.author }, ...inner.facts];
  } else {
    const inner = await body(request.kind, request.options as Record<string, unknown>, today);
    sections = inner.sections;
    facts = inner.facts;
    subtitle = request.kind === 'progress' ? `Progress against ${inner.planTitle}, as at ${todayLong}` : `The risk register as at ${todayLong}`;
  }
  return {
    network,
    brand,
    doc: {
      title,
      subtitle,
      generatedOn: todayLong,
      facts,
      sections: numberSections(sections),
      coverSheet: sheet,
      subject: `${REPORT_KIND_LABELS[request.kind]} for ${network.name}`,
      keywords: [network.name, REPORT_KIND_LABELS[request.kind], 'Plexus'],
    },
  };
}
