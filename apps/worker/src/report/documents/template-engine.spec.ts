import { DOCUMENT_KINDS } from './registry';
import { cssString, partialName, TemplateEngine, templateSources } from './template-engine';
import type { DocumentViewModel } from './shared/view-model';

function vm(over: Partial<DocumentViewModel['doc']> = {}): DocumentViewModel {
  return {
    network: { name: 'North <b>Spinal</b>', specialty: 'Spinal', region: 'North', classification: 'OFFICIAL' },
    brand: { primary: '#005eb8', primaryText: '#ffffff', accent: '#41b6e6', logo: null },
    doc: {
      title: 'Report',
      subtitle: '',
      generatedOn: '24 November 2026',
      facts: [],
      sections: [],
      coverSheet: null,
      subject: '',
      keywords: [],
      ...over,
    },
  };
}

describe('report templates', () => {
  const engine = new TemplateEngine();

  it('use no triple-stash anywhere, so user text can never become markup', () => {
    const sources = templateSources();
    expect(Object.keys(sources)).toEqual(
      expect.arrayContaining(['shared/layout.hbs', 'shared/styles.css', 'shared/partials/contents.hbs', 'progress/progress.hbs']),
    );
    for (const [name, source] of Object.entries(sources)) {
      expect({ name, tripleStash: /\{\{\{|\{\{&/.test(source) }).toEqual({ name, tripleStash: false });
    }
  });

  it('print no direction controls: a right-to-left override typed in any text cannot make it read backwards', () => {
    const rlo = '\u202e';
    const sample = DOCUMENT_KINDS.progress.sample();
    sample.network.name = `North ${rlo}krowteN\u202c Spinal`;
    sample.doc.title = `Progress \u2067report\u2069 \u200e\u200f`;
    const themes = sample.doc.sections.filter((s) => s.partial === 'progressItems');
    const row = (themes[1].data as { rows: Array<{ work: string }> }).rows[0];
    row.work = `Pay invoice ${rlo}fdp.exe\u202a\u202b\u202d\u2066\u2068\u061c`;
    const { html } = engine.render('progress', sample, 'm');
    expect(html).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/);
    expect(html).toContain('North krowteN Spinal');
    expect(html).toContain('Pay invoice fdp.exe');
    // The view model itself (the stored snapshot) is left as it was.
    expect(row.work).toContain(rlo);
  });

  it('escape what people typed, in the body and in the running header', () => {
    const out = engine.render(
      'risk_register',
      vm({
        title: '<img src="http://127.0.0.1:9/x">',
        sections: [
          {
            id: 'section-1',
            number: 1,
            title: 'Top risks',
            partial: 'riskTable',
            data: { rows: [{ reference: 'SN/01', description: '<script>alert(1)</script>', before: {}, current: {} }] },
          },
        ],
      }),
      'm1',
    );
    expect(out.html).not.toContain('<script>alert(1)</script>');
    expect(out.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out.html).not.toContain('<img src="http://127.0.0.1:9/x">');
    // The running header (a margin box of the page) carries the name as a CSS string: every "<" escaped.
    expect(out.html).toContain('@top-left { content: "North \\3c b\\3e Spinal\\3c \\2f b\\3e ";');
    expect(out.html).not.toMatch(/<b>Spinal/);
    expect(out.html).toContain('<meta name="plexus-render" content="m1">');
    expect(out.html).toContain('content: "Page " counter(page) " of " counter(pages)');
  });

  it('opens a board paper with its cover sheet and leaves out the contents when there is no body', () => {
    const out = engine.render(
      'board_paper',
      vm({
        coverSheet: {
          meta: [{ label: 'Meeting', value: 'Network Board' }],
          data: { purposes: [], previous: [], questions: [], priorities: [], risks: [], executiveSummary: 'Summary' },
        },
      }),
      'm2',
    );
    expect(out.html).toContain('Board paper');
    expect(out.html).not.toContain('class="cover"');
    expect(out.html).not.toContain('Contents');
  });

  it('has a template and a sample for every report kind, and names partials after their files', () => {
    expect(Object.keys(DOCUMENT_KINDS).sort()).toEqual([
      'annual_report',
      'board_pack',
      'board_paper',
      'distribution_record',
      'peer_review_report',
      'peer_review_summary',
      'progress',
      'risk_register',
    ]);
    expect(partialName('progress-summary.hbs')).toBe('progressSummary');
    expect(partialName('tag.hbs')).toBe('tag');
  });

  it('writes what people typed into the running header as CSS strings nothing can break out of', () => {
    expect(cssString('A "quoted" \\ name')).toBe('"A \\22 quoted\\22  \\5c  name"');
    expect(cssString('x";}</style><script>alert(1)</script>\n')).toMatch(/^"[A-Za-z0-9 \\]*"$/);
    expect(cssString('Zoë 🩺')).toBe('"Zo\\eb  \\1fa7a "');
    expect(cssString('')).toBe('""');
  });

  it('refuses a kind it has no template for', () => {
    expect(() => engine.render('peer_review' as never, vm(), 'm3')).toThrow('No template for report kind "peer_review"');
  });
});
