import { TemplateEngine } from '../template-engine';
import { landmarks } from '../testing/landmarks';
import { boardPaperSample } from './board-paper.sample';

describe('board paper (sample rendered to HTML)', () => {
  const engine = new TemplateEngine();

  it('opens with the cover sheet, not a title page, then contents on a page of its own and the report', () => {
    const vm = boardPaperSample();
    const { html } = engine.render('board_paper', vm, 'marker-3');
    const page = landmarks(html);
    expect(page.h1).toEqual(['Spinal network risks: quarterly assurance']);
    expect(html).not.toContain('class="cover"');
    expect(page.h3.slice(0, 4)).toEqual(['This paper is for', 'Previous consideration', 'Executive summary', 'Questions for the board']);
    expect(html).toContain('<h2 class="section">Contents</h2>');
    expect(page.h2.slice(1)).toEqual(vm.doc.sections.map((s) => `${s.number}. ${s.title}`));
    expect(page.tables[0]).toEqual(['Meeting', 'Date', 'Outcome']);
    expect(page.tables[1]).toEqual(['Priority', 'Linked']);
    expect(html).toMatch(/<span class="checkbox">X<\/span><strong>Assurance<\/strong>/);
    expect(html.indexOf('Executive summary')).toBeLessThan(html.indexOf('Contents'));
  });

  it('is the cover sheet alone when the paper carries no report, and escapes what people typed', () => {
    const { html } = engine.render('board_paper', boardPaperSample(true), 'marker-4');
    const page = landmarks(html);
    expect(page.h2).toEqual([]);
    expect(page.contents).toEqual([]);
    expect(html).toContain('One review is &lt;b&gt;overdue&lt;/b&gt;.');
    expect(html).toContain('<dt>Risk references</dt><dd>SN/02 — PROMS data collection (score 12)</dd>');
  });
});
