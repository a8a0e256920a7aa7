import { answeredText, carriedRating, ratingLetter, SELF_ASSESSMENT_STATE_LABELS, submissionBlockers } from './self-assessment';

describe('self-assessment rules', () => {
  it('names the criteria that stop a submission: not rated, then carried forward and not confirmed', () => {
    expect(
      submissionBlockers([
        { criterionNumber: '1.1', rating: 'green', carriedForward: false },
        { criterionNumber: '1.2', rating: null, carriedForward: false },
        { criterionNumber: '1.3', rating: 'amber', carriedForward: true },
        { criterionNumber: '2.1', rating: null, carriedForward: true },
      ]),
    ).toEqual({ unrated: ['1.2', '2.1'], unconfirmed: ['1.3'] });
    expect(submissionBlockers([{ criterionNumber: '1', rating: 'met', carriedForward: false }])).toEqual({ unrated: [], unconfirmed: [] });
  });

  it('carries a rating into a new self-assessment only when the set’s scale still takes it', () => {
    expect(carriedRating('rag', 'amber')).toBe('amber');
    expect(carriedRating('rag', 'met')).toBeNull();
    expect(carriedRating('met', 'not_applicable')).toBe('not_applicable');
    expect(carriedRating('met', null)).toBeNull();
  });

  it('says progress and letters in words', () => {
    expect(answeredText(34, 52)).toBe('34 of 52 answered');
    expect(ratingLetter('met', 'partially_met')).toBe('PM');
    expect(ratingLetter('rag', null)).toBe('');
    expect(SELF_ASSESSMENT_STATE_LABELS.draft).toBe('In progress');
  });
});
