import { TemplateEngine } from '../template-engine';
import { landmarks } from '../testing/landmarks';
import { distributionRecordSample } from './distribution-record.sample';

describe('distribution record (sample rendered to HTML)', () => {
  const vm = distributionRecordSample();
  const { html } = new TemplateEngine().render('distribution_record', vm, 'marker-d');
  const page = landmarks(html);

  it('opens with a title page and contents, then the summary and every run with its deliveries', () => {
    expect(page.h1).toEqual(['Distribution record']);
    expect(page.h2).toEqual(['Contents', '1. Summary', '2. Runs and deliveries']);
    expect(page.h3).toEqual(['Progress report to <commissioners> — 2026-04', 'Progress report to <commissioners> — 2026-10']);
    expect(page.tables[0]).toEqual(['Measure', 'Figure']);
    expect(page.tables[1]).toEqual(['Recipient', 'Sent as', 'State', 'Sent', 'Attempts', "Server's answer, downloads"]);
  });

  it('records states, attempts, checksums, downloads and unsubscribes', () => {
    expect(html).toContain('Emails delivered');
    expect(html).toContain('2 of 2');
    expect(html).toContain('Skipped: unchanged since the last delivery');
    expect(html).toContain('aaaaaaaaaaaaaaaa…');
    expect(html).toContain('250 2.0.0 Ok: queued');
    expect(html).toContain('(192.0.2.10)');
    expect(html).toContain('Unsubscribed');
    expect(html).toContain('No emails were sent for this run.');
  });

  it('escapes what people typed', () => {
    expect(html).not.toContain('<commissioners>');
    expect(html).toContain('&lt;commissioners&gt;');
  });
});
