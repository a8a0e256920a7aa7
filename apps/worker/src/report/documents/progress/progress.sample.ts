import { RAG_INFO, type Rag } from '@plexus/domain';
import { SAMPLE_BRAND, SAMPLE_DATE, SAMPLE_NETWORK } from '../shared/shared.sample';
import { documentViewModel, type DocumentViewModel } from '../shared/view-model';
import { byObjective, statusChart, type ProgressRow } from './progress.view-model';
import { sinceBoardSampleInput } from './since-board.sample';
import { sinceBoardData } from './since-board.view-model';

const ORDER: Rag[] = ['red', 'amber', 'green', 'blue', 'grey'];
const THEMES = ['Capacity & flow', 'Workforce', 'Quality <and> safety'];
const CYCLE: Rag[] = ['green', 'green', 'amber', 'blue', 'red', 'grey', 'green'];

const tag = (rag: Rag) => ({
  label: `${RAG_INFO[rag].label} – ${RAG_INFO[rag].meaning}`,
  colour: RAG_INFO[rag].colour,
  textColour: RAG_INFO[rag].textColour,
});

/** A progress report with `items` work items over three themes (what the builder makes from a plan), for specs and the PDF checks. */
export function progressSample(items = 24): DocumentViewModel {
  const rows = Array.from({ length: items }, (_, i): ProgressRow & { theme: string } => {
    const rag = CYCLE[i % CYCLE.length];
    return {
      ref: `${(i % THEMES.length) + 1}.${Math.floor(i / THEMES.length) + 1}`,
      theme: THEMES[i % THEMES.length],
      rag,
      tag: tag(rag),
      objective: `Objective ${(Math.floor(i / 6) % 4) + 1}: objective for <theme> ${(Math.floor(i / 6) % 4) + 1}`,
      work: `Work item ${i + 1}: agree the network's pathway with every partner trust & report to the board`,
      measures:
        Math.floor(i / 3) % 3 === 0
          ? ['Pathway signed off by every trust', 'Audit shows 90% of patients on the pathway <by> March']
          : Math.floor(i / 3) % 3 === 1
            ? ['Quarterly report to the board']
            : [],
      leads: 'Network Manager (Alex Morgan)',
      target: ['Q1 2025/26', 'Q3 2025/26', 'Ongoing'][i % 3],
      slipped: rag === 'red' ? `Overdue by ${10 + i} days` : '',
      moved: i % 5 === 0 ? 'Slipped: target moved 92 days later (originally Q4 2024/25)' : '',
      update:
        i % 2 ? { on: '1 October 2026', author: 'Priya Shah', narrative: `Update ${i + 1}: meetings held; next steps agreed <in> the group.` } : null,
    };
  });
  const themes = THEMES.map((title) => {
    const list = rows.filter((r) => r.theme === title);
    const counts = Object.fromEntries(ORDER.map((r) => [r, list.filter((x) => x.rag === r).length])) as Record<Rag, number>;
    return { title, counts, list, slipped: list.filter((r) => r.slipped).length, total: list.length };
  });
  const exceptions = rows.filter((r) => r.rag === 'red' || r.rag === 'amber');
  return documentViewModel(
    'progress',
    { network: SAMPLE_NETWORK, brand: SAMPLE_BRAND, todayLong: SAMPLE_DATE },
    {
      title: 'Progress report',
      subtitle: `Progress against Work plan 2025–27, as at ${SAMPLE_DATE}`,
      facts: [
        { label: 'Plan', value: 'Work plan 2025–27' },
        { label: 'Period', value: '1 April 2025 – 31 March 2027' },
        { label: 'Status of plan', value: 'Approved by the board on 1 May 2025' },
      ],
      coverSheet: null,
      sections: [
        {
          title: 'Summary',
          partial: 'progressSummary',
          data: {
            total: rows.length,
            slippedCount: rows.filter((r) => r.slipped).length,
            totals: ORDER.map((r) => ({ ...tag(r), count: rows.filter((x) => x.rag === r).length })),
            columns: ORDER.map((r) => RAG_INFO[r].meaning),
            themes: themes.map((t) => ({ title: t.title, counts: ORDER.map((r) => t.counts[r]), slipped: t.slipped, total: t.total })),
            chart: statusChart(themes),
          },
        },
        { title: 'Since the last board', partial: 'progressSinceBoard', data: sinceBoardData(sinceBoardSampleInput()) },
        {
          title: 'Exceptions and overdue items',
          partial: 'progressItems',
          data: {
            intro: 'Items off track or at risk, and items past their target that are not complete: worst first.',
            rows: exceptions,
            empty: 'No exceptions.',
          },
        },
        ...themes.map((t) => ({
          title: t.title,
          partial: 'progressItems',
          data: { intro: '', rows: byObjective(t.list), empty: 'No work items under this theme.' },
          follow: true,
        })),
      ],
    },
  );
}
