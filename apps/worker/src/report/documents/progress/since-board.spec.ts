import { TemplateEngine } from '../template-engine';
import { landmarks } from '../testing/landmarks';
import { progressSample } from './progress.sample';
import { sinceBoardSampleInput } from './since-board.sample';
import { sinceBoardData, type SinceBoardData } from './since-board.view-model';

const rowsText = (data: SinceBoardData, title: string) =>
  data.groups.find((g) => g.title === title)?.rows.map((r) => r.cells.map((c) => [c.tag?.label, c.text, c.note].filter(Boolean).join(' / ')));

describe('since the last board (view model)', () => {
  const data = sinceBoardData(sinceBoardSampleInput());

  it('names the two meetings compared and where the changes come from', () => {
    expect(data.message).toBeNull();
    expect(data.intro).toBe(
      'What changed between the Network Board on 12 June 2025 and the Network Board on 11 September 2025: the plan and the risk register as they stood at the end of each day, from the dated progress updates, the tracked changes to the approved plan and the history of every risk score.',
    );
    expect(data.groups.map((g) => [g.title, g.count])).toEqual([
      ['Work items whose status changed', 3],
      ['Completed', 1],
      ['Slipped or overdue', 2],
      ['New work items', 1],
      ['New and re-opened risks', 1],
      ['Closed risks', 1],
      ['Risks whose score moved', 2],
    ]);
  });

  it('says each status change from → to in words, with why', () => {
    expect(rowsText(data, 'Work items whose status changed')).toEqual([
      [
        '1.1',
        'Agree the rehabilitation prescription with every trust & unit <all>',
        'Green – On track',
        'Amber – At risk / Green → Amber',
        'Progress update of 4 August 2025: at risk',
      ],
      [
        '1.2',
        'Publish the network’s trauma audit dashboard',
        'Green – On track',
        'Blue – Complete / Green → Blue',
        'Progress update of 21 July 2025: complete',
      ],
      [
        '2.2',
        'Run the major incident exercise with the ambulance service',
        'Green – On track',
        'Amber – Overdue (reported on track) / Green → Amber',
        'Overdue: its target of 30 June 2025 passed 73 days ago and it is not complete, so it shows as Amber, not Green',
      ],
    ]);
  });

  it('lists completed, slipped (moved later or passed) and new items', () => {
    expect(rowsText(data, 'Completed')).toEqual([['1.2', 'Publish the network’s trauma audit dashboard', '21 July 2025']]);
    expect(rowsText(data, 'Slipped or overdue')).toEqual([
      [
        '2.1',
        'Recruit two rehabilitation coordinators',
        'Q2 2025/26 (30 September 2025)',
        'Q4 2025/26 (31 March 2026)',
        'Slipped: target moved 182 days later',
      ],
      [
        '2.2',
        'Run the major incident exercise with the ambulance service',
        'Q1 2025/26 (30 June 2025)',
        'Q1 2025/26 (30 June 2025)',
        'Overdue: target of 30 June 2025 passed and not complete',
      ],
    ]);
    expect(rowsText(data, 'New work items')).toEqual([
      ['3.1', 'Set up the network’s patient panel', 'Q3 2025/26 (31 December 2025)', 'Grey – Not started'],
    ]);
  });

  it('lists new and closed risks and score movements with arrows, words and scores', () => {
    expect(rowsText(data, 'New and re-opened risks')).toEqual([['MT/04', 'Winter pressures delay repatriation', '+ new', '16 (Extreme) / 4 × 4']]);
    expect(rowsText(data, 'Closed risks')).toEqual([
      ['MT/03', 'Helicopter landing pad closed for resurfacing', '10 (High) / 2 × 5', '5 (Medium) / 1 × 5'],
    ]);
    expect(rowsText(data, 'Risks whose score moved')).toEqual([
      [
        'MT/01',
        'Too few rehabilitation beds for patients ready to leave the major trauma centre',
        '↑ score up',
        '12 (High) / 3 × 4',
        '16 (Extreme) / 4 × 4',
      ],
      ['MT/02', 'Loss of the trauma audit analyst post', '↓ score down', '12 (High) / 4 × 3', '6 (Medium) / 2 × 3'],
    ]);
  });

  it('says when a colour changed because the target moved, not the status', () => {
    const input = sinceBoardSampleInput();
    input.items = [
      {
        id: 'x',
        ref: '4.1',
        work: 'Late, then given a new target',
        history: {
          id: 'x',
          createdOn: '2025-04-01',
          timescaleText: 'Q4 2025/26',
          progress: [{ onDate: '2025-04-10', status: 'on_track' }],
          timescaleChanges: [{ on: '2025-08-01', from: 'Q4 2024/25', to: 'Q4 2025/26' }],
        },
      },
    ];
    expect(rowsText(sinceBoardData(input), 'Work items whose status changed')).toEqual([
      [
        '4.1',
        'Late, then given a new target',
        'Amber – Overdue (reported on track)',
        'Green – On track / Amber → Green',
        'Target moved to Q4 2025/26 (31 March 2026): no longer past it',
      ],
    ]);
  });

  it('says so when the second meeting is still to come: up to today', () => {
    const input = sinceBoardSampleInput();
    if (input.choice.kind !== 'pair') throw new Error('sample is a pair');
    input.choice = { ...input.choice, toDate: '2025-09-01', toIsUpcoming: true };
    expect(sinceBoardData(input).intro).toMatch(
      /^What changed between the Network Board on 12 June 2025 and today, 1 September 2025 \(the Network Board on 11 September 2025 is still to come\):/,
    );
  });

  it('says plainly when there are not two meetings to compare, or a chosen one is gone', () => {
    const input = sinceBoardSampleInput();
    expect(sinceBoardData({ ...input, choice: { kind: 'too_few', held: 1 } })).toEqual({
      intro: '',
      groups: [],
      message:
        "The network has only one board meeting recorded on or before today, so there are not two meetings to compare. Record the board's meetings in Plexus (Board meetings), or ask for the report again choosing the meeting to compare from: changes are then shown from that meeting up to today.",
    });
    expect(sinceBoardData({ ...input, choice: { kind: 'too_few', held: 0 } }).message).toMatch(/^The network has no board meeting recorded/);
    expect(
      sinceBoardData({
        ...input,
        choice: { kind: 'refused', field: 'sinceMeetingId', reason: 'not_found', message: 'That board meeting is not in this network' },
      }).message,
    ).toBe(
      "The board meetings chosen for this comparison cannot be used any more (that board meeting is not in this network). Ask for the report again choosing two of the board's meetings.",
    );
  });

  it('says None under every empty group', () => {
    const input = sinceBoardSampleInput();
    const empty = sinceBoardData({ ...input, items: [], riskEvents: [] });
    expect(empty.groups.every((g) => g.count === 0 && g.rows.length === 0)).toBe(true);
    const vm = progressSample(3);
    const section = vm.doc.sections.find((s) => s.title === 'Since the last board');
    if (!section) throw new Error('no section');
    section.data = empty;
    const { html } = new TemplateEngine().render('progress', vm, 'm');
    expect(html.match(/<p>None\.<\/p>/g)).toHaveLength(7);
  });
});

describe('since the last board (rendered in the progress report sample)', () => {
  const vm = progressSample(6);
  const { html } = new TemplateEngine().render('progress', vm, 'marker-1');
  const page = landmarks(html);

  it('draws one heading with its count per group, and a table under each group with changes', () => {
    expect(page.h3.slice(0, 7)).toEqual([
      'Work items whose status changed (3)',
      'Completed (1)',
      'Slipped or overdue (2)',
      'New work items (1)',
      'New and re-opened risks (1)',
      'Closed risks (1)',
      'Risks whose score moved (2)',
    ]);
    expect(page.tables).toContainEqual(['Change', 'How many']);
    expect(page.tables).toContainEqual(['Item', 'Work', 'On 12 June 2025', 'On 11 September 2025', 'Why']);
    expect(page.tables).toContainEqual(['Ref', 'Risk', 'Movement', 'Score on 12 June 2025 (likelihood × impact)', 'Score on 11 September 2025']);
    expect(html).toContain('trust &amp; unit &lt;all&gt;');
    expect(html).toContain('Green → Amber');
    expect(html).toContain('↓ score down');
  });
});
