import { ORGANISATION_TYPE_LABELS, ORGANISATION_TYPES } from '../organisation-types';
import {
  answerInfo,
  ASSESSMENT_SCALE_IDS,
  ASSESSMENT_SCALES,
  COMPLIANCE_BAND_INFO,
  complianceBand,
  complianceSummary,
  criterionApplies,
  describeAppliesTo,
  isAnswerOf,
  isAssessmentScaleId,
  isOrganisationType,
  MET_ANSWERS,
  parseAppliesTo,
  RAG_ANSWERS,
  scaleAnswers,
  STANDARD_SET_KIND_LABELS,
  STANDARD_SET_KINDS,
} from '../../index';

describe('assessment scales', () => {
  it('offers RAG and Met / Partially met / Not met / Not applicable, best answer first, each with a label, a letter and words', () => {
    expect(ASSESSMENT_SCALE_IDS).toEqual(['rag', 'met']);
    expect(scaleAnswers('rag')).toEqual([...RAG_ANSWERS]);
    expect(scaleAnswers('met')).toEqual([...MET_ANSWERS]);
    expect(ASSESSMENT_SCALES.rag.answers.map((a) => a.label)).toEqual(['Green', 'Amber', 'Red']);
    expect(ASSESSMENT_SCALES.met.answers.map((a) => a.label)).toEqual(['Met', 'Partially met', 'Not met', 'Not applicable']);
    for (const scale of ASSESSMENT_SCALE_IDS) {
      for (const a of ASSESSMENT_SCALES[scale].answers) {
        expect(a.letter.length).toBeGreaterThan(0);
        expect(a.meaning.length).toBeGreaterThan(10);
      }
    }
    expect(ASSESSMENT_SCALES.rag.label).toBe('Red / Amber / Green');
  });

  it('maps each answer to what it counts as: Green is met, Amber partly, Red not; N/A only on the Met scale', () => {
    expect(answerInfo('rag', 'green').outcome).toBe('met');
    expect(answerInfo('rag', 'amber').outcome).toBe('partially_met');
    expect(answerInfo('rag', 'red').outcome).toBe('not_met');
    expect(answerInfo('met', 'not_applicable').outcome).toBe('not_applicable');
    expect(() => answerInfo('rag', 'not_applicable')).toThrow(RangeError);
    expect(() => answerInfo('met', 'green')).toThrow(/not an answer on the Met/);
  });

  it('tells answers of one scale from the other, and scale ids from anything else', () => {
    expect(isAnswerOf('rag', 'amber')).toBe(true);
    expect(isAnswerOf('rag', 'met')).toBe(false);
    expect(isAnswerOf('met', 'partially_met')).toBe(true);
    expect(isAnswerOf('met', 'red')).toBe(false);
    expect(isAnswerOf('met', 42)).toBe(false);
    expect(isAssessmentScaleId('rag')).toBe(true);
    expect(isAssessmentScaleId('RAG')).toBe(false);
    expect(isAssessmentScaleId(undefined)).toBe(false);
  });
});

describe('compliance: "N of M applicable measures met (x%)"', () => {
  it('leaves measures marked not applicable out, and counts unanswered ones as applicable and not met', () => {
    const s = complianceSummary('met', ['met', 'met', 'partially_met', 'not_met', 'not_applicable', null]);
    expect(s).toEqual({
      met: 2,
      partiallyMet: 1,
      notMet: 1,
      notApplicable: 1,
      unanswered: 1,
      applicable: 5,
      percent: 40,
      text: '2 of 5 applicable measures met (40%)',
    });
  });

  it('rounds down, so 100% means every applicable measure met', () => {
    expect(complianceSummary('rag', ['green', 'green', 'amber']).percent).toBe(66);
    expect(complianceSummary('rag', ['green', 'green', 'green']).text).toBe('3 of 3 applicable measures met (100%)');
    expect(complianceSummary('met', ['met']).text).toBe('1 of 1 applicable measure met (100%)');
  });

  it('says so when nothing applies, rather than dividing by nought', () => {
    expect(complianceSummary('met', ['not_applicable', 'not_applicable'])).toMatchObject({
      applicable: 0,
      percent: null,
      text: 'No applicable measures',
    });
    expect(complianceSummary('rag', [])).toMatchObject({ applicable: 0, percent: null });
  });

  it('refuses an answer from the other scale', () => {
    expect(() => complianceSummary('rag', ['met'])).toThrow(RangeError);
  });

  it('bands a per cent for a heat map, each band with its words', () => {
    expect([100, 80, 79, 50, 49, 0, null].map((p) => complianceBand(p))).toEqual(['high', 'high', 'mid', 'mid', 'low', 'low', 'none']);
    expect(COMPLIANCE_BAND_INFO.mid.label).toBe('50% to 79% met');
    expect(COMPLIANCE_BAND_INFO.none.label).toBe('No applicable measures');
  });
});

describe('which organisations a criterion applies to', () => {
  it('applies a criterion with no types to every organisation, otherwise only to those types', () => {
    expect(criterionApplies([], 'trauma_unit')).toBe(true);
    expect(criterionApplies(null, 'ambulance_service')).toBe(true);
    expect(criterionApplies(undefined, 'ambulance_service')).toBe(true);
    expect(criterionApplies(['major_trauma_centre'], 'major_trauma_centre')).toBe(true);
    expect(criterionApplies(['major_trauma_centre'], 'trauma_unit')).toBe(false);
    expect(criterionApplies(['major_trauma_centre', 'trauma_unit'], 'trauma_unit')).toBe(true);
  });

  it('describes the types in words, in the usual order', () => {
    expect(describeAppliesTo([])).toBe('All organisations');
    expect(describeAppliesTo(['trauma_unit', 'major_trauma_centre'])).toBe('Major trauma centre, Trauma unit');
  });

  it('reads an "Applies to" cell by label, code or short form, in any case, singular or plural', () => {
    expect(parseAppliesTo('Major trauma centre, Trauma unit')).toEqual({ types: ['major_trauma_centre', 'trauma_unit'], unknown: [] });
    expect(parseAppliesTo('trauma_unit; MAJOR_TRAUMA_CENTRE')).toEqual({ types: ['major_trauma_centre', 'trauma_unit'], unknown: [] });
    expect(parseAppliesTo('MTC, TU, LEH')).toEqual({ types: ['major_trauma_centre', 'trauma_unit', 'local_emergency_hospital'], unknown: [] });
    expect(parseAppliesTo('Major Trauma Centres\nAmbulance trust')).toEqual({ types: ['major_trauma_centre', 'ambulance_service'], unknown: [] });
    expect(parseAppliesTo('Integrated care board (ICB)').types).toEqual(['icb']);
    expect(parseAppliesTo('MTC, MTC').types).toEqual(['major_trauma_centre']);
  });

  it('reads empty and "All" as every organisation', () => {
    expect(parseAppliesTo('')).toEqual({ types: [], unknown: [] });
    expect(parseAppliesTo('  ,  ')).toEqual({ types: [], unknown: [] });
    expect(parseAppliesTo('All')).toEqual({ types: [], unknown: [] });
    expect(parseAppliesTo('All organisations')).toEqual({ types: [], unknown: [] });
  });

  it('keeps what it cannot read, as written, for the import to name', () => {
    expect(parseAppliesTo('MTC, Hospice, Dental practice')).toEqual({ types: ['major_trauma_centre'], unknown: ['Hospice', 'Dental practice'] });
  });

  it('reads back every label and every code it writes', () => {
    for (const type of ORGANISATION_TYPES) {
      expect(parseAppliesTo(ORGANISATION_TYPE_LABELS[type]).types).toEqual([type]);
      expect(parseAppliesTo(type).types).toEqual([type]);
    }
    expect(parseAppliesTo(describeAppliesTo([...ORGANISATION_TYPES])).types).toEqual([...ORGANISATION_TYPES]);
    expect(isOrganisationType('trauma_unit')).toBe(true);
    expect(isOrganisationType('Trauma unit')).toBe(false);
  });
});

describe('standard set kinds', () => {
  it('are a national specification, network standards or an assessment tool, each labelled', () => {
    expect(STANDARD_SET_KINDS).toEqual(['national_specification', 'network_standards', 'assessment_tool']);
    expect(STANDARD_SET_KIND_LABELS.assessment_tool).toBe('Assessment tool');
  });
});
