import { TemplateEngine } from '../template-engine';
import { landmarks } from '../testing/landmarks';
import { boardPackSample } from './board-pack.sample';

describe('board pack (sample rendered to HTML)', () => {
  const vm = boardPackSample();
  const { html } = new TemplateEngine().render('board_pack', vm, 'marker-p');
  const page = landmarks(html);

  it('opens with a front page, the agenda linking each paper, and contents listing the papers by agenda number', () => {
    expect(page.h1[0]).toBe('Board pack: Network Board, 10 December 2026');
    expect(page.h2.slice(0, 2)).toEqual(['Agenda', 'Contents']);
    expect(vm.doc.sections.map((s) => [s.id, s.number, s.title])).toEqual([
      ['section-2', 2, 'Spinal network risks: quarterly assurance'],
      ['section-4', 4, 'Progress report'],
      ['section-5', 5, 'Peer review programme: <update>'],
    ]);
    expect(page.tables[0]).toEqual(['Item', 'Title', 'Presenter', 'Time', 'Paper (page)']);
    // The agenda's links to the papers, then the pack's contents, then each paper's own contents (section-<item>-<n>).
    const links = page.contents.map((c) => c.href);
    expect(links.slice(0, 6)).toEqual(['#section-2', '#section-4', '#section-5', '#section-2', '#section-4', '#section-5']);
    expect(page.contents.slice(3, 6).map((c) => c.text)).toEqual([
      '2. Spinal network risks: quarterly assurance',
      '4. Progress report',
      '5. Peer review programme: <update>',
    ]);
    expect(links.slice(6).every((l) => /^#section-[24]-\d+$/.test(l))).toBe(true);
    expect(html).toContain('<td>No paper</td>');
  });

  it('carries each paper whole: its cover sheet or title page headed with its agenda number, then its own sections', () => {
    expect(page.h1).toEqual([
      'Board pack: Network Board, 10 December 2026',
      '2. Spinal network risks: quarterly assurance',
      '4. Progress report',
      '5. Peer review programme: <update>',
    ]);
    expect(html).toContain('<h1 class="sheet-title" id="section-2">');
    expect(html).toContain('<h1 id="section-4">');
    // Every section id is unique in the pack, and each paper's contents link to its own sections.
    expect(new Set(page.sectionIds).size).toBe(page.sectionIds.length);
    expect(page.sectionIds.filter((id) => id.startsWith('section-2-'))).toHaveLength(vm.doc.sections[0].data ? 7 : 0);
    expect(html.match(/class="pack-paper"/g)).toHaveLength(3);
    expect(html.match(/This paper is for/g)).toHaveLength(2);
  });

  it('escapes what people typed', () => {
    expect(html).toContain('Peer review programme: &lt;update&gt;');
    expect(html).toContain('Boardroom &lt;1&gt;');
    expect(html).not.toContain('<script>');
  });
});
