import type { ReportDocumentDto, ReportStatusValue } from '@plexus/contracts';
import { isInProgress, reportFileFacts, reportKindLabel, reportStatusView, shouldPoll, statusAnnouncements } from './report-status';

function doc(
  id: string,
  status: ReportStatusValue,
  overrides: Partial<ReportDocumentDto> = {},
): Pick<ReportDocumentDto, 'id' | 'title' | 'status' | 'failureReason' | 'progress'> {
  return { id, title: `Report ${id}`, status, failureReason: null, progress: 0, ...overrides };
}

describe('reportStatusView', () => {
  it('puts every status into words on a coloured tag', () => {
    expect(reportStatusView({ status: 'queued', progress: 0 })).toEqual({ text: 'Queued', tagClass: 'nhsuk-tag--grey', progress: null });
    expect(reportStatusView({ status: 'rendering', progress: 45 })).toEqual({ text: 'Rendering 45%', tagClass: 'nhsuk-tag--blue', progress: 45 });
    expect(reportStatusView({ status: 'ready', progress: 100 })).toEqual({ text: 'Ready', tagClass: 'nhsuk-tag--green', progress: null });
    expect(reportStatusView({ status: 'failed', progress: 30 })).toEqual({ text: 'Failed', tagClass: 'nhsuk-tag--red', progress: null });
  });

  it('keeps the rendering percentage a whole number from 0 to 100', () => {
    expect(reportStatusView({ status: 'rendering', progress: 44.6 }).text).toBe('Rendering 45%');
    expect(reportStatusView({ status: 'rendering', progress: -5 }).progress).toBe(0);
    expect(reportStatusView({ status: 'rendering', progress: 140 }).text).toBe('Rendering 100%');
    expect(reportStatusView({ status: 'rendering', progress: Number.NaN }).text).toBe('Rendering 0%');
  });

  it('shows a status it does not know in words rather than hiding it', () => {
    expect(reportStatusView({ status: 'archived' as ReportStatusValue, progress: 0 }).text).toBe('archived');
  });
});

describe('reportFileFacts and reportKindLabel', () => {
  it('gives pages and size of a ready document', () => {
    expect(reportFileFacts({ pageCount: 4, sizeBytes: 212 * 1024 })).toBe('4 pages, 212 KB');
    expect(reportFileFacts({ pageCount: 1, sizeBytes: 1.5 * 1024 * 1024 })).toBe('1 page, 1.5 MB');
    expect(reportFileFacts({ pageCount: null, sizeBytes: null })).toBe('');
  });

  it('names the type of a document', () => {
    expect(reportKindLabel('risk_register')).toBe('Risk register report');
    expect(reportKindLabel('board_paper')).toBe('Board paper');
    expect(reportKindLabel('annual')).toBe('annual');
  });
});

describe('polling decision', () => {
  it('polls only while some document is queued or rendering', () => {
    expect(isInProgress({ status: 'queued' })).toBe(true);
    expect(isInProgress({ status: 'rendering' })).toBe(true);
    expect(isInProgress({ status: 'ready' })).toBe(false);
    expect(isInProgress({ status: 'failed' })).toBe(false);

    expect(shouldPoll([doc('a', 'ready'), doc('b', 'queued')])).toBe(true);
    expect(shouldPoll([doc('a', 'rendering', { progress: 45 })])).toBe(true);
    expect(shouldPoll([doc('a', 'ready'), doc('b', 'failed')])).toBe(false);
    expect(shouldPoll([])).toBe(false);
    expect(shouldPoll(null)).toBe(false);
    expect(shouldPoll(undefined)).toBe(false);
  });
});

describe('statusAnnouncements', () => {
  it('announces documents that became ready or failed, and rendering that started', () => {
    const before = [doc('a', 'rendering'), doc('b', 'queued'), doc('c', 'queued'), doc('d', 'ready')];
    const after = [
      doc('a', 'ready', { title: 'Progress report' }),
      doc('b', 'failed', { title: 'Board paper', failureReason: 'The plan has no items' }),
      doc('c', 'rendering', { title: 'Risk register report', progress: 10 }),
      doc('d', 'ready'),
    ];
    expect(statusAnnouncements(before, after)).toEqual([
      'Progress report is ready',
      'Board paper failed: The plan has no items',
      'Risk register report is rendering',
    ]);
  });

  it('says nothing about progress within rendering, nor about documents it had not seen', () => {
    expect(statusAnnouncements([doc('a', 'rendering', { progress: 10 })], [doc('a', 'rendering', { progress: 60 })])).toEqual([]);
    expect(statusAnnouncements([], [doc('new', 'ready')])).toEqual([]);
  });

  it('announces a failed document queued again', () => {
    expect(statusAnnouncements([doc('a', 'failed')], [doc('a', 'queued', { title: 'Progress report' })])).toEqual([
      'Progress report is queued again',
    ]);
    expect(statusAnnouncements([doc('a', 'queued')], [doc('a', 'failed', { title: 'X' })])).toEqual(['X failed']);
  });
});
