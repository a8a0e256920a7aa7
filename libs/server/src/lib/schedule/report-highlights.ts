/**
 * The key figures of a generated document, for the body of the email that carries it: read defensively from the
 * document's view model (the snapshot kept with every document), so that an email never fails because a figure is
 * missing — it just shows fewer. Progress reports give their counts by BRAG status; risk register reports their
 * open risks by band and the top risks; every kind its title-page facts.
 */
export interface HighlightCount {
  label: string;
  count: number;
  colour: string;
  textColour: string;
}

export interface HighlightRisk {
  reference: string;
  description: string;
  score: string;
  band: string;
}

export interface ReportHighlights {
  title: string;
  subtitle: string;
  networkName: string;
  generatedOn: string;
  facts: Array<{ label: string; value: string }>;
  /** Counts by BRAG status or by risk band, with their colours (always named in text too). */
  counts: { heading: string; items: HighlightCount[] } | null;
  topRisks: HighlightRisk[];
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : null);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown, max = 300): string => (typeof v === 'string' || typeof v === 'number' ? String(v).slice(0, max) : '');
const colour = (v: unknown, fallback: string): string => (typeof v === 'string' && /^#[0-9a-fA-F]{3,8}$/.test(v) ? v : fallback);

function sectionData(doc: Obj | null, partial: string): Obj | null {
  const section = arr(doc?.['sections']).find((s) => obj(s)?.['partial'] === partial);
  return obj(obj(section)?.['data']);
}

function countItems(list: unknown[]): HighlightCount[] {
  return list.flatMap((entry) => {
    const e = obj(entry);
    const label = str(e?.['label'], 80);
    const count = e?.['count'];
    if (!label || typeof count !== 'number') return [];
    return [{ label, count, colour: colour(e?.['colour'], '#e8edee'), textColour: colour(e?.['textColour'], '#212b32') }];
  });
}

export function reportHighlights(snapshot: unknown): ReportHighlights {
  const vm = obj(snapshot);
  const doc = obj(vm?.['doc']);
  const network = obj(vm?.['network']);
  const facts = arr(doc?.['facts'])
    .flatMap((f) => {
      const label = str(obj(f)?.['label'], 80);
      const value = str(obj(f)?.['value'], 200);
      return label && value ? [{ label, value }] : [];
    })
    .slice(0, 8);
  const progress = sectionData(doc, 'progressSummary');
  const risk = sectionData(doc, 'riskSummary');
  let counts: ReportHighlights['counts'] = null;
  if (progress) counts = { heading: `Work items by status (${str(progress['total'])} in all)`, items: countItems(arr(progress['totals'])) };
  else if (risk) counts = { heading: `Open risks by current score (${str(risk['openCount'])} open)`, items: countItems(arr(risk['byBand'])) };
  const top = sectionData(doc, 'riskTable');
  const topRisks = arr(top?.['rows'])
    .slice(0, 5)
    .flatMap((row) => {
      const r = obj(row);
      const current = obj(r?.['current']);
      const reference = str(r?.['reference'], 20);
      if (!reference) return [];
      return [
        { reference, description: str(r?.['description'], 200), score: str(current?.['score'], 10), band: str(obj(current?.['tag'])?.['label'], 60) },
      ];
    });
  return {
    title: str(doc?.['title'], 200) || 'Report',
    subtitle: str(doc?.['subtitle'], 200),
    networkName: str(network?.['name'], 200),
    generatedOn: str(doc?.['generatedOn'], 60),
    facts,
    counts: counts && counts.items.length ? counts : null,
    topRisks,
  };
}
