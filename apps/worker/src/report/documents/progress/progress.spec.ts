import { TemplateEngine } from '../template-engine';
import { landmarks } from '../testing/landmarks';
import { progressSample } from './progress.sample';
import { statusChart } from './progress.view-model';

describe('progress report (sample rendered to HTML)', () => {
  const vm = progressSample(12);
  const { html } = new TemplateEngine().render('progress', vm, 'marker-1');
  const page = landmarks(html);

  it('opens with a title page, then contents linking every section, then one heading per section', () => {
    expect(page.title).toBe('Progress report');
    expect(page.h1).toEqual(['Progress report']);
    expect(page.h2).toEqual([
      'Contents',
      '1. Summary',
      '2. Since the last board',
      '3. Exceptions and overdue items',
      '4. Capacity & flow',
      '5. Workforce',
      '6. Quality <and> safety',
    ]);
    expect(page.contents).toEqual(vm.doc.sections.map((s) => ({ href: `#${s.id}`, text: `${s.number}. ${s.title}` })));
    expect(page.sectionIds).toEqual(vm.doc.sections.map((s) => s.id));
    expect(html).toContain('<dt>Plan</dt><dd>Work plan 2025–27</dd>');
  });

  it('draws the summary with its chart and table, what changed since the last board, and a table of items in every other section', () => {
    expect(page.tables[0]).toEqual([
      'Theme',
      'Off track',
      'At risk or overdue',
      'On track',
      'Complete',
      'Not started or deferred',
      'Overdue',
      'Total',
    ]);
    // Since the last board: the counts, then one table per group with changes (see since-board.spec).
    expect(page.tables[1]).toEqual(['Change', 'How many']);
    expect(page.tables.slice(9)).toEqual(Array(4).fill(['Item', 'Status', 'Work and measures of success', 'Lead', 'Target', 'Latest update']));
    expect(html).toContain('role="img" aria-label="Status of work items by theme"');
    expect(html.match(/<rect /g)?.length).toBeGreaterThan(5);
  });

  it('escapes what people typed and carries the marker, header and footer', () => {
    expect(html).not.toMatch(/<and>/);
    expect(html).toContain('Quality &lt;and&gt; safety');
    expect(html).toContain('<meta name="plexus-render" content="marker-1">');
    // The running header and footer are the page's margin boxes: the network's name as an escaped CSS string.
    expect(html).toContain('@top-left { content: "Northern \\3c Spinal\\3e  Network";');
    expect(html).toContain('@bottom-right { content: "Page " counter(page) " of " counter(pages);');
  });

  it('numbers every item, names its objective (once, heading its items, in a theme) and lists its measures of success', () => {
    expect(html).toMatch(/<td class="ref">1\.1<\/td>/);
    expect(html).toMatch(/<td class="ref">3\.4<\/td>/);
    expect(html).toContain('<tr class="objective"><th scope="colgroup" colspan="6">Objective 1: objective for &lt;theme&gt; 1</th></tr>');
    expect(html).toContain(
      'Measures of success:</span><br>– Pathway signed off by every trust<br>– Audit shows 90% of patients on the pathway &lt;by&gt; March',
    );
    // Every table of items has the same fixed columns; each theme follows the one before instead of opening a page.
    expect(html.match(/<table class="items">\s*<colgroup><col class="c-ref"><col class="c-status">/g)).toHaveLength(4);
    expect(html.match(/<section class="follow">\s*<h2 class="section" id="section-[456]">/g)).toHaveLength(3);
  });

  it('lays the chart legend out so that no label runs past the chart, whatever its length', () => {
    const themes = [{ title: 'A', counts: { red: 1, amber: 1, green: 2, blue: 0, grey: 0 } }];
    const chart = statusChart(themes);
    for (const entry of chart.legend) expect(entry.textX + entry.label.length * 8 * 0.56).toBeLessThanOrEqual(chart.width);
    expect(chart.legend.map((l) => l.label)).toContain('Not started or deferred');
    expect(chart.height).toBeGreaterThan(Math.max(...chart.legend.map((l) => l.y)) + 8);
  });

  it('scales the chart to the themes: one bar each, segments proportional to the counts', () => {
    const chart = statusChart([{ title: 'A', counts: { red: 1, amber: 1, green: 2, blue: 0, grey: 0 } }]);
    expect(chart.bars).toHaveLength(1);
    expect(chart.bars[0].segments.map((s) => s.width)).toEqual([97.5, 97.5, 195]);
  });
});
