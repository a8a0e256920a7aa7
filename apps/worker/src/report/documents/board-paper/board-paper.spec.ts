import { TemplateEngine } from '../template-engine';
import { landmarks } from '../testing/landmarks';
import { boardPaperSample } from './board-paper.sample';
import { recommendationText } from './board-paper.view-model';

describe('board paper (sample rendered to HTML)', () => {
  const engine = new TemplateEngine();

  it('opens with the cover sheet, not a title page, then contents on a page of its own and the report', () => {
    const vm = boardPaperSample();
    const { html } = engine.render('board_paper', vm, 'marker-3');
    const page = landmarks(html);
    expect(page.h1).toEqual(['Spinal network risks: quarterly assurance']);
    expect(html).not.toContain('class="cover"');
    expect(page.h3.slice(0, 6)).toEqual([
      'This paper is for',
      'Previous consideration',
      'The report with this paper',
      'Executive summary',
      'Recommendation',
      'Questions for the board',
    ]);
    expect(html).toContain('<h2 class="section">Contents</h2>');
    expect(page.h2.slice(1)).toEqual(vm.doc.sections.map((s) => `${s.number}. ${s.title}`));
    expect(page.tables[0]).toEqual(['Meeting', 'Date', 'Outcome']);
    expect(page.tables[1]).toEqual(['Priority', 'Linked']);
    expect(html).toMatch(/<span class="checkbox">X<\/span><strong>Assurance<\/strong>/);
    expect(html.indexOf('Executive summary')).toBeLessThan(html.indexOf('Contents'));
    expect(html).toContain('to &lt;approve&gt; the revised target for item 2.1.');
  });

  it('names the plan of the progress report it carries: its name, period and approval', () => {
    const { html } = engine.render('board_paper', boardPaperSample(false, 'progress'), 'marker-5');
    expect(html).toContain(
      '<p><strong>Progress report</strong> — Plan: Work plan 2025–27; Period: 1 April 2025 – 31 March 2027; Status of plan: Approved by the board on 1 May 2025</p>',
    );
  });

  it('says what the board is asked to do from the purposes when no recommendation is written', () => {
    expect(recommendationText('', ['noting'])).toBe('The board is asked to note this paper.');
    expect(recommendationText('  ', ['decision', 'assurance'])).toBe(
      'The board is asked to approve the recommendations of this paper and take assurance from this paper.',
    );
    expect(recommendationText('Approve the plan.', ['noting'])).toBe('Approve the plan.');
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
