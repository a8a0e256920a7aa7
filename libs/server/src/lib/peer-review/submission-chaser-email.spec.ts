import { composeChaserEmail, composeInformationRequestEmail, type ChaserEmailInput } from './submission-chaser-email';

const base: ChaserEmailInput = {
  step: 'before-14d',
  today: '2025-06-16',
  networkName: 'East Midlands Major Trauma Network',
  organisationName: 'Riverside General Hospital',
  recipientName: 'Owen Price',
  cycleName: 'Peer Review Programme 2025/2027',
  activityTitle: 'Annual documents from each organisation',
  documentName: 'Work plan',
  state: 'awaited',
  reason: '',
  dueDate: '2025-06-30',
  url: 'http://plexus.test/n/east-midlands-mtn/peer-review/cycles/c/submissions/s',
};

describe('chaser emails', () => {
  it('reminds a contributor what their organisation owes, by when, and where to upload it', () => {
    const { subject, bodyText } = composeChaserEmail(base);
    expect(subject).toBe('Reminder: Work plan for Peer Review Programme 2025/2027 is due in 14 days (30 June 2025)');
    expect(bodyText).toContain('Dear Owen Price,');
    expect(bodyText).toContain(
      "Riverside General Hospital's Work plan (Annual documents from each organisation) for East Midlands Major Trauma Network's Peer Review Programme 2025/2027 is due on 30 June 2025, in 14 days.",
    );
    expect(bodyText).toContain(`Upload it (PDF, Word or Excel) on its page in Plexus: ${base.url}`);
  });

  it('says "overdue" once the date has passed, and "today" on the day', () => {
    expect(composeChaserEmail({ ...base, step: 'overdue', today: '2025-07-01' }).subject).toBe(
      'Overdue: Work plan for Peer Review Programme 2025/2027 (due 30 June 2025)',
    );
    expect(composeChaserEmail({ ...base, step: 'overdue', today: '2025-07-01' }).bodyText).toContain(
      'was due on 30 June 2025 and has not been received',
    );
    expect(composeChaserEmail({ ...base, step: 'before-3d', today: '2025-06-30' }).subject).toBe(
      'Reminder: Work plan for Peer Review Programme 2025/2027 is due today (30 June 2025)',
    );
    expect(composeChaserEmail({ ...base, step: 'before-3d', today: '2025-06-29' }).bodyText).toContain('in 1 day.');
  });

  it('repeats what the network asked for when more information was requested', () => {
    const { bodyText } = composeChaserEmail({ ...base, state: 'more_information_requested', reason: 'Add the rehabilitation section.' });
    expect(bodyText).toContain('East Midlands Major Trauma Network asked Riverside General Hospital for more information about its Work plan');
    expect(bodyText).toContain('What the network asked for:\nAdd the rehabilitation section.');
  });

  it('keeps the subject on one line whatever the names hold', () => {
    expect(composeChaserEmail({ ...base, cycleName: 'Cycle\r\nBcc: x@example.org' }).subject).not.toMatch(/[\r\n]/);
  });

  describe('a request for more information', () => {
    const request = {
      networkName: base.networkName,
      organisationName: base.organisationName,
      recipientName: base.recipientName,
      cycleName: base.cycleName,
      activityTitle: base.activityTitle,
      documentName: base.documentName,
      reason: 'Add the rehabilitation section.\nAnd the governance chart.',
      dueDate: '2025-07-31',
      dueDateChanged: true,
      url: base.url,
    };

    it('tells the contributor what the network asked for, by when, and where to upload it', () => {
      const { subject, bodyText } = composeInformationRequestEmail(request);
      expect(subject).toBe('More information requested: Work plan for Peer Review Programme 2025/2027 (due 31 July 2025)');
      expect(bodyText).toContain('Dear Owen Price,');
      expect(bodyText).toContain(
        "East Midlands Major Trauma Network has looked at Riverside General Hospital's Work plan (Annual documents from each organisation) for Peer Review Programme 2025/2027 and asks for more information",
      );
      expect(bodyText).toContain('What the network asked for:\nAdd the rehabilitation section.\nAnd the governance chart.');
      expect(bodyText).toContain('Please submit it again by 31 July 2025 (a new due date).');
      expect(bodyText).toContain(`on its page in Plexus: ${base.url}`);
      expect(composeInformationRequestEmail({ ...request, dueDateChanged: false }).bodyText).toContain('Please submit it again by 31 July 2025.');
    });

    it('keeps the subject on one line whatever the names hold', () => {
      expect(composeInformationRequestEmail({ ...request, documentName: 'Plan\r\nBcc: x@example.org' }).subject).not.toMatch(/[\r\n]/);
    });
  });
});
