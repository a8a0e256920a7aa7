import { noun, plural } from './plural';

describe('plural: a count with its noun', () => {
  it.each([
    [0, 'theme', undefined, '0 themes'],
    [1, 'theme', undefined, '1 theme'],
    [2, 'theme', undefined, '2 themes'],
    [1, 'criterion', 'criteria', '1 criterion'],
    [3, 'criterion', 'criteria', '3 criteria'],
    [1, 'person', 'people', '1 person'],
    [12, 'person', 'people', '12 people'],
    [-1, 'day', undefined, '-1 day'],
    [1.5, 'day', undefined, '1.5 days'],
  ] as const)('%s %s → %s', (count, one, many, expected) => {
    expect(plural(count, one, many)).toBe(expected);
  });

  it('gives the noun alone for sentences that put the number elsewhere', () => {
    expect(noun(1, 'risk')).toBe('risk');
    expect(noun(4, 'risk')).toBe('risks');
    expect(noun(0, 'analysis', 'analyses')).toBe('analyses');
  });
});
