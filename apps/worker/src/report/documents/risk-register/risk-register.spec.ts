import { TemplateEngine } from '../template-engine';
import { landmarks } from '../testing/landmarks';
import { riskRegisterSample } from './risk-register.sample';

describe('risk register report (sample rendered to HTML)', () => {
  const vm = riskRegisterSample(12);
  const { html } = new TemplateEngine().render('risk_register', vm, 'marker-2');
  const page = landmarks(html);

  it('opens with a title page, then contents linking every section, then one heading per section', () => {
    expect(page.h1).toEqual(['Risk register report']);
    expect(page.h2).toEqual([
      'Contents',
      '1. Summary',
      '2. Heat maps',
      '3. Last board vs this board',
      '4. Top risks',
      '5. Changes since 1 June 2026',
      '6. Reviews overdue',
      '7. The register',
    ]);
    expect(page.contents.map((c) => c.href)).toEqual(vm.doc.sections.map((s) => `#${s.id}`));
    expect(page.sectionIds).toEqual(vm.doc.sections.map((s) => s.id));
  });

  it('draws the band summary, both heat maps (5 × 5) and the risk tables', () => {
    expect(page.h3).toEqual([
      'Now (after mitigation)',
      'Before mitigation',
      'At the last board (10 September 2026)',
      'Now, for this board',
      'Movement since the last board',
    ]);
    expect(page.tables[0]).toEqual(['Band', 'Score', 'Required action', 'Open risks now', 'Before mitigation']);
    expect(page.tables[1]).toEqual(['', '1 Negligible', '2 Minor', '3 Moderate', '4 Major', '5 Catastrophic']);
    expect(page.tables[2]).toEqual(page.tables[1]);
    expect(page.tables[3]).toEqual(page.tables[1]);
    expect(page.tables[4]).toEqual(page.tables[1]);
    expect(html.match(/<td class="cell"/g)).toHaveLength(100);
    expect(page.tables[5]).toEqual(['Ref', 'Risk', 'Then', '', 'Now', 'Movement']);
    expect(page.tables.slice(6)).toEqual([
      ['Ref', 'Risk', 'Before', 'Now', 'Target', 'Lead', 'Next review'],
      ['Ref', 'Risk', 'What changed', 'Score then', 'Score now'],
      ['Ref', 'Risk', 'Before', 'Now', 'Target', 'Lead', 'Next review'],
      ['Ref', 'Risk', 'Before', 'Now', 'Target', 'Lead', 'Next review'],
    ]);
    expect(html).toContain('<strong>(overdue)</strong>');
  });

  it('lists the references of its risks in each heat map cell, and each changed risk once with its changes grouped', () => {
    // SN/03 and SN/08 sit at likelihood 3, impact 3 now.
    expect(html).toMatch(/<span class="count">2<\/span>[A-Za-z]+<span class="refs">SN\/03, SN\/08<\/span>/);
    const changes = html.slice(html.indexOf('<table class="risk-changes">'));
    const rows = changes.slice(0, changes.indexOf('</table>')).match(/<tr><td>SN\/\d+<\/td>/g);
    expect(rows).toEqual(['<tr><td>SN/01</td>', '<tr><td>SN/04</td>', '<tr><td>SN/03</td>', '<tr><td>SN/05</td>']);
    expect(changes).toContain('1 August 2026 – 19 August 2026: Closed, 10 times<br>2 August 2026 – 20 August 2026: Re-opened, 10 times');
  });

  it('escapes what people typed', () => {
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(0)&lt;/script&gt;');
  });
});
