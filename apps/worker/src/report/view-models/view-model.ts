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
