import { composeScheduleEmail, escapeHtml } from './schedule-email';
import { reportHighlights } from './report-highlights';

const snapshot = {
  network: { name: 'North <Spinal> Network' },
  doc: {
    title: 'Risk register report',
    subtitle: 'Open risks',
    generatedOn: '1 April 2027',
    facts: [{ label: 'Open risks', value: '7' }, { label: 'Broken', value: 3 }, 'junk'],
    sections: [
      {
        partial: 'riskSummary',
        data: { openCount: 7, byBand: [{ label: 'High (15–25)', count: 2, colour: '#d5281b', textColour: '#ffffff' }, { label: 'x' }] },
      },
      {
        partial: 'riskTable',
        data: { rows: [{ reference: 'SN/01', description: 'Beds <script>', current: { score: 20, tag: { label: 'High' } } }] },
      },
    ],
  },
};

describe('reportHighlights', () => {
  it('reads the key figures of a risk register snapshot, dropping what is malformed', () => {
    const h = reportHighlights(snapshot);
    expect(h.facts).toEqual([
      { label: 'Open risks', value: '7' },
      { label: 'Broken', value: '3' },
    ]);
    expect(h.counts).toEqual({
      heading: 'Open risks by current score (7 open)',
      items: [{ label: 'High (15–25)', count: 2, colour: '#d5281b', textColour: '#ffffff' }],
    });
    expect(h.topRisks).toEqual([{ reference: 'SN/01', description: 'Beds <script>', score: '20', band: 'High' }]);
  });

  it('never fails on a snapshot it does not understand', () => {
    for (const bad of [null, 42, 'x', [], { doc: { sections: 'no' } }]) {
      expect(reportHighlights(bad)).toMatchObject({ title: 'Report', facts: [], counts: null, topRisks: [] });
    }
  });
});

describe('composeScheduleEmail', () => {
  const email = composeScheduleEmail({
    networkName: 'North <Spinal> Network',
    primaryColour: '#005eb8',
    scheduleName: 'Risks to "commissioners"',
    subject: 'Risks & issues',
    message: 'Hello,\nplease see below.\n\nRegards',
    recipientName: 'Ann <Commissioner>',
    highlights: reportHighlights(snapshot),
    document: { kind: 'link', url: 'https://plexus.example/links/n/abc?x=1&y=2', expiresOn: '1 May 2027' },
    unsubscribeUrl: 'https://plexus.example/unsubscribe/n/t',
    reason: 'you are on the Commissioners list of North Spinal Network',
  });

  it('escapes everything that came from data in the HTML', () => {
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('Beds &lt;script&gt;');
    expect(email.html).toContain('Dear Ann &lt;Commissioner&gt;');
    expect(email.html).toContain('href="https://plexus.example/links/n/abc?x=1&amp;y=2"');
    expect(escapeHtml(`<a href="x" onclick='y'>&`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;');
  });

  it('is accessible: a language, real headings, table headers, colours named in text, no images', () => {
    expect(email.html).toContain('<html lang="en-GB">');
    expect(email.html).toMatch(/<h1[^>]*>Risk register report<\/h1>/);
    expect(email.html).toMatch(/<h2[^>]*>Key figures<\/h2>/);
    expect(email.html).toContain('<th scope="col"');
    expect(email.html).toContain('High (15–25)');
    expect(email.html).not.toMatch(/<img/i);
  });

  it('says the same in plain text, with the link, its expiry and how to unsubscribe', () => {
    expect(email.text).toContain('Dear Ann <Commissioner>,');
    expect(email.text).toContain('Hello,\nplease see below.');
    expect(email.text).toContain('  High (15–25): 2');
    expect(email.text).toContain('SN/01 — Beds <script> — score 20 (High)');
    expect(email.text).toContain('Download the report (PDF): https://plexus.example/links/n/abc?x=1&y=2');
    expect(email.text).toContain('The link works until 1 May 2027');
    expect(email.text).toContain('Unsubscribe from this report: https://plexus.example/unsubscribe/n/t');
    expect(email.subject).toBe('Risks & issues');
  });
});
