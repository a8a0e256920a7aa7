import { REPORT_KIND_LABELS, type DocumentRequest, type ReportKindValue } from '@plexus/contracts';

/** What every report template receives. Built from the database under the network's context; stored as the snapshot. */
export interface BrandView {
  primary: string;
  primaryText: string;
  accent: string;
  /** data: URI of the network's logo, or null. */
  logo: string | null;
}

export interface NetworkView {
  name: string;
  specialty: string;
  region: string;
  classification: string;
}

export interface TagView {
  label: string;
  colour: string;
  textColour: string;
}

export interface SectionView {
  id: string;
  number: number;
  title: string;
  /** The partial that draws it. */
  partial: string;
  data: unknown;
  /** Follows the previous section on its page instead of starting a new one (short sections). */
  flow?: boolean;
  /**
   * Follows the previous section on its page and, unlike `flow`, breaks across pages where it must (long sections whose
   * own blocks — a finding, a chart, a table row — keep together).
   */
  follow?: boolean;
}

export interface DocumentViewModel {
  network: NetworkView;
  brand: BrandView;
  doc: {
    title: string;
    subtitle: string;
    generatedOn: string;
    facts: Array<{ label: string; value: string }>;
    sections: SectionView[];
    /** Board papers open with their cover sheet (seed 004) instead of a title page. */
    coverSheet: { meta: Array<{ label: string; value: string }>; data: unknown } | null;
    /** PDF metadata. */
    subject: string;
    keywords: string[];
  };
}

export function numberSections(sections: Array<Omit<SectionView, 'number' | 'id'>>): SectionView[] {
  return sections.map((s, i) => ({ ...s, number: i + 1, id: `section-${i + 1}` }));
}

/** What a kind's section builder returns: the sections (numbered later) and the facts for the title page. */
export interface DocumentBody {
  sections: Array<Omit<SectionView, 'number' | 'id'>>;
  facts: Array<{ label: string; value: string }>;
}

/** The request for one kind of report, as the API validated and stored it. */
export type ReportRequest = DocumentRequest;
export type ReportRequestOf<K extends ReportKindValue> = Extract<ReportRequest, { kind: K }>;

/** Puts a document together: numbers its sections and sets the PDF metadata every kind carries. */
export function documentViewModel(
  kind: ReportKindValue,
  context: { network: NetworkView; brand: BrandView; todayLong: string },
  doc: {
    title: string;
    subtitle: string;
    facts: DocumentViewModel['doc']['facts'];
    sections: DocumentBody['sections'];
    coverSheet: DocumentViewModel['doc']['coverSheet'];
  },
): DocumentViewModel {
  const { network, brand, todayLong } = context;
  return {
    network,
    brand,
    doc: {
      title: doc.title,
      subtitle: doc.subtitle,
      generatedOn: todayLong,
      facts: doc.facts,
      sections: numberSections(doc.sections),
      coverSheet: doc.coverSheet,
      subject: `${REPORT_KIND_LABELS[kind]} for ${network.name}`,
      keywords: [network.name, REPORT_KIND_LABELS[kind], 'Plexus'],
    },
  };
}
