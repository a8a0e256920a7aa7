import { TemplateEngine } from '../template-engine';
import { landmarks } from '../testing/landmarks';
import { annualReportSample } from './annual-report.sample';
import { paragraphs } from './annual-report.view-model';

describe('annual report (sample rendered to HTML)', () => {
  const vm = annualReportSample();
  const { html } = new TemplateEngine().render('annual_report', vm, 'marker-a');
  const page = landmarks(html);

  it('opens with a title page and contents, then the year in order', () => {
    expect(page.h1).toEqual(['Annual report 2024/25']);
    expect(page.h2).toEqual([
      'Contents',
      '1. Foreword from the chair',
      '2. The network',
      '3. Highlights of the year',
      '4. Delivery against the plan',
      '5. Risks over the year',
      '6. Peer review',
      '7. Priorities for next year',
      '8. Carried forward into next year',
    ]);
    expect(page.contents).toEqual(vm.doc.sections.map((s) => ({ href: `#${s.id}`, text: `${s.number}. ${s.title}` })));
    expect(html).toContain('<dt>Financial year</dt><dd>2024/25 (1 April 2024 – 31 March 2025)</dd>');
  });

  it('tells delivery with a chart and the same figures in words, and the risks with a heat map pair and movements in words', () => {
    expect(page.tables).toContainEqual([
      'Theme',
      'Completed in the year',
      'On track',
      'At risk or off track',
      'Slipped or overdue',
      'Not started',
      'Deferred',
      'Completed before the year',
      'Total',
    ]);
    expect(page.tables).toContainEqual(['Ref', 'Work', 'Original target', 'Current target']);
    expect(html).toContain('aria-label="Colour of work items at the end of the year, by theme"');
    expect(html).toContain('<h3>Start of the year (31 March 2024)</h3>');
    expect(html).toContain('<h3>End of the year (31 March 2025)</h3>');
    expect(page.tables).toContainEqual(['Ref', 'Risk', 'Movement', 'Start of year', 'End of year']);
    expect(html).toContain('<td>↑ score up</td>');
    expect(html).toContain('No risks were closed in the year.');
    expect(page.tables).toContainEqual([
      'Programme',
      'Years',
      'Organisations',
      'Submissions due in the year',
      'Awaited',
      'Submitted',
      'Accepted',
      'More information requested',
    ]);
    expect(page.tables).toContainEqual(['Ref', 'Work', 'Carried forward']);
  });

  it('escapes what people wrote and keeps their line breaks', () => {
    expect(html).not.toMatch(/<progress>|<of>|<and>/);
    expect(html).toContain('A year of &lt;progress&gt; across the network.');
    expect(html).toContain('.narrative p { white-space: pre-line; }');
    expect(paragraphs('One\nstill one\n\n  \nTwo  \n\n')).toEqual(['One\nstill one', 'Two']);
  });
});
