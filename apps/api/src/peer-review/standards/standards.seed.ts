import type { AssessmentScaleId, OrganisationType, StandardSetKind } from '@plexus/domain';
import { StandardCriterion, StandardSection, StandardSet, StandardSetVersion, type TenantDb } from '@plexus/server';
import type { EntityManager } from '@mikro-orm/postgresql';

/** A standard set as the demo writes it: its sections, each with its criteria (number, text, evidence, applies to). */
export interface DemoStandardSet {
  code: string;
  name: string;
  kind: StandardSetKind;
  answerScale: AssessmentScaleId;
  description: string;
  sections: Array<{
    number: string;
    title: string;
    criteria: Array<[number: string, text: string, evidence: string, appliesTo?: OrganisationType[]]>;
  }>;
}

const MTC: OrganisationType[] = ['major_trauma_centre'];
const TU: OrganisationType[] = ['trauma_unit'];
const MTC_TU: OrganisationType[] = ['major_trauma_centre', 'trauma_unit'];
const ACUTE: OrganisationType[] = ['major_trauma_centre', 'trauma_unit', 'local_emergency_hospital'];
const AMBULANCE: OrganisationType[] = ['ambulance_service'];

/**
 * A national service specification's measures for major trauma, kept once by the platform operator for every network.
 * Illustrative: written in our own words after the shape of the D15 specification (numbered measures grouped by the
 * part of the pathway, each saying which kind of unit it applies to), not its text.
 */
export const NATIONAL_DEMO_SET: DemoStandardSet = {
  code: 'D15',
  name: 'D15 Major trauma — service specification measures (illustrative)',
  kind: 'national_specification',
  answerScale: 'met',
  description:
    'Illustrative measures for major trauma networks, in the shape of the national service specification: numbered as nationally, grouped by the part of the pathway, each for the kind of unit it applies to. Written for Plexus demonstrations; not the specification’s own words.',
  sections: [
    {
      number: 'D15-1',
      title: 'Network organisation and governance',
      criteria: [
        [
          'MT-1-101',
          'The network has a board that meets at least quarterly, with terms of reference agreed by its member organisations.',
          'Terms of reference; board minutes for the last four quarters',
        ],
        [
          'MT-1-102',
          'The network names a clinical lead and a network manager, each with time set aside for the role.',
          'Job descriptions and job plans',
        ],
        [
          'MT-1-103',
          'An annual work plan is agreed by the board and progress is reported to it at least twice a year.',
          'Work plan; progress reports to the board',
        ],
        ['MT-1-104', 'The network keeps a risk register, reviewed at each board meeting.', 'Risk register; board minutes showing its review'],
        [
          'MT-1-105',
          'Each member organisation names an executive lead for major trauma.',
          'Letter or list naming each organisation’s executive lead',
          ACUTE,
        ],
      ],
    },
    {
      number: 'D15-2',
      title: 'Major trauma centre',
      criteria: [
        [
          'MT-2-201',
          'A trauma team led by a consultant is available on site 24 hours a day, seven days a week.',
          'Rota for the last three months; trauma team activation policy',
          MTC,
        ],
        [
          'MT-2-202',
          'Patients with major trauma have a CT scan within 30 minutes of arrival when it is needed.',
          'Audit of arrival-to-scan times for the last year',
          MTC,
        ],
        [
          'MT-2-203',
          'Emergency surgery for haemorrhage control can start within an hour of the decision to operate.',
          'Theatre access policy; audit of decision-to-incision times',
          MTC,
        ],
        ['MT-2-204', 'A major haemorrhage protocol is in place and its use is audited.', 'Protocol; audit of activations', MTC],
        [
          'MT-2-205',
          'Each patient is reviewed by a consultant in rehabilitation medicine within 72 hours of admission.',
          'Audit of rehabilitation reviews',
          MTC,
        ],
        [
          'MT-2-206',
          'A named trauma coordinator supports patients and families from admission to discharge.',
          'Coordinator posts and rota; patient information leaflet',
          MTC,
        ],
      ],
    },
    {
      number: 'D15-3',
      title: 'Trauma units and local emergency hospitals',
      criteria: [
        [
          'MT-3-301',
          'A trauma team is called for patients who meet the unit’s activation criteria, and its response is audited.',
          'Activation criteria; audit of responses',
          TU,
        ],
        [
          'MT-3-302',
          'Patients who need the major trauma centre are transferred within the network’s agreed time.',
          'Transfer policy; audit of referral-to-departure times',
          ACUTE,
        ],
        [
          'MT-3-303',
          'A consultant-led review of every trauma death takes place and its learning is shared with the network.',
          'Mortality review records; network governance minutes',
          MTC_TU,
        ],
        ['MT-3-304', 'Staff who lead trauma care hold a current trauma life support qualification.', 'Training records', TU],
      ],
    },
    {
      number: 'D15-4',
      title: 'Pre-hospital care and transfer',
      criteria: [
        [
          'MT-4-401',
          'A pre-hospital triage tool agreed by the network is used to take patients to the right hospital.',
          'Triage tool; audit of its use',
          AMBULANCE,
        ],
        [
          'MT-4-402',
          'A senior clinician is available to crews by telephone at all times for advice on trauma patients.',
          'Rota; call records',
          AMBULANCE,
        ],
        [
          'MT-4-403',
          'Critical care transfers between hospitals are made by staff trained for them, with agreed equipment.',
          'Transfer training records; equipment checklists',
          [...ACUTE, 'ambulance_service'],
        ],
        ['MT-4-404', 'The receiving hospital is alerted before a major trauma patient arrives.', 'Pre-alert audit', AMBULANCE],
      ],
    },
    {
      number: 'D15-5',
      title: 'Rehabilitation and repatriation',
      criteria: [
        [
          'MT-5-501',
          'Every patient leaves the major trauma centre with a rehabilitation prescription.',
          'Audit of rehabilitation prescriptions at discharge',
          MTC,
        ],
        [
          'MT-5-502',
          'Patients are repatriated to their local hospital within 48 hours of being ready.',
          'Repatriation policy; audit of delays',
          MTC_TU,
        ],
        [
          'MT-5-503',
          'Specialist rehabilitation beds are available for patients with complex needs.',
          'Bed numbers; waiting times for specialist rehabilitation',
          ['major_trauma_centre', 'rehabilitation_provider'],
        ],
      ],
    },
    {
      number: 'D15-6',
      title: 'Data, audit and quality improvement',
      criteria: [
        [
          'MT-6-601',
          'Every eligible patient is submitted to the national trauma audit, with data completeness above 80%.',
          'National trauma audit completeness report',
          MTC_TU,
        ],
        [
          'MT-6-602',
          'The network holds a clinical governance meeting at least quarterly that reviews outcomes and incidents.',
          'Meeting schedule; minutes',
        ],
        ['MT-6-603', 'Actions from peer review are in an action plan with owners and dates, reviewed by the board.', 'Action plan; board minutes'],
        ['MT-6-604', 'Patients’ and carers’ experience is gathered and used to improve services.', 'Survey results; changes made'],
      ],
    },
  ],
};

/**
 * The East Midlands network's own assessment tool, in the shape of seed 001's (Criteria / Evidence / R-A-G / Identified
 * gaps / Comments) and answered on the RAG scale, with measures of the trauma network's own in our words.
 */
export const EAST_MIDLANDS_TOOL: DemoStandardSet = {
  code: 'EMMTN-AT',
  name: 'EMMTN network assessment tool',
  kind: 'assessment_tool',
  answerScale: 'rag',
  description:
    'What each member organisation shows the network each year: for every criterion the evidence, a Red / Amber / Green rating, the gaps found and comments. Used for the self-assessments of the peer review programme.',
  sections: [
    {
      number: '1',
      title: 'Access and waiting times',
      criteria: [
        [
          '1.1',
          'Waiting times for trauma clinic follow-up are known for each hospital.',
          'Average time to the first fracture or trauma clinic, by hospital; breaches of 2, 6 and 12 weeks',
        ],
        ['1.2', 'Emergency theatre time for trauma is available every day.', 'Theatre timetable; cancelled trauma lists in the last quarter', ACUTE],
        ['1.3', 'Out-of-hours imaging is reported within one hour.', 'Imaging turnaround audit', ACUTE],
      ],
    },
    {
      number: '2',
      title: 'Referral and transfer',
      criteria: [
        [
          '2.1',
          'An electronic referral system is used for all secondary transfers to the major trauma centre.',
          'Referral system reports; proportion of transfers referred electronically',
          ACUTE,
        ],
        ['2.2', 'Secondary transfers leave within the network’s agreed time.', 'Audit of referral-to-departure times', TU],
        ['2.3', 'Ambulance crews use the network triage tool for every trauma call.', 'Triage tool audit', AMBULANCE],
        ['2.4', 'Declined or delayed transfers are reviewed at the network governance meeting.', 'Log of declined transfers; minutes', MTC],
      ],
    },
    {
      number: '3',
      title: 'Repatriation and flow',
      criteria: [
        [
          '3.1',
          'The number of patients and bed days lost to delayed repatriation is recorded for each hospital.',
          'Repatriation log by hospital, monthly',
          MTC_TU,
        ],
        ['3.2', 'The network repatriation policy is followed, with escalation after 48 hours.', 'Policy; audit of escalations', MTC_TU],
        ['3.3', 'Discharge planning starts within 48 hours of admission.', 'Audit of discharge plans', ACUTE],
      ],
    },
    {
      number: '4',
      title: 'Registry data and audit',
      criteria: [
        ['4.1', 'All eligible patients are submitted to the national trauma audit.', 'Case ascertainment report', MTC_TU],
        ['4.2', 'There are enough trained data coordinators to keep submissions up to date.', 'WTE of data coordinators; submission backlog'],
        ['4.3', 'Audit results are presented at the hospital’s clinical governance meeting each quarter.', 'Meeting minutes', ACUTE],
      ],
    },
    {
      number: '5',
      title: 'Multidisciplinary team and clinical governance',
      criteria: [
        [
          '5.1',
          'Each case discussed at the trauma MDT is documented: the plan made before discussion, and whether the meeting agreed it, changed it or advised against surgery.',
          'MDT audit records',
          MTC_TU,
        ],
        [
          '5.2',
          'Serious incidents involving trauma patients are shared with the network within a month.',
          'Incident log; network governance minutes',
        ],
        ['5.3', 'The trauma lead attends at least three of the four network clinical governance meetings a year.', 'Attendance records', ACUTE],
      ],
    },
    {
      number: '6',
      title: 'Workforce, education and patient experience',
      criteria: [
        [
          '6.1',
          'Staffing for trauma, including therapists, matches the agreed establishment.',
          'Establishment against staff in post; vacancies',
          ACUTE,
        ],
        ['6.2', 'Staff attend the network’s trauma education programme.', 'Training records; attendance at network study days'],
        ['6.3', 'Patient feedback on trauma care is collected and acted on.', 'Feedback summary; changes made'],
        ['6.4', 'New staff in trauma areas complete a trauma induction within their first month.', 'Induction records'],
        [
          '6.5',
          'Patients are given written information about their injuries and the plan for their recovery.',
          'Information leaflets; audit of what patients were given',
          ACUTE,
        ],
      ],
    },
  ],
};

/** Writes a set with version 1 published; the rows belong to `networkId` (null: national). */
async function writeSet(em: EntityManager, networkId: string | null, demo: DemoStandardSet): Promise<void> {
  const set = Object.assign(new StandardSet(), {
    networkId,
    code: demo.code,
    name: demo.name,
    kind: demo.kind,
    answerScale: demo.answerScale,
    description: demo.description,
  });
  const version = Object.assign(new StandardSetVersion(), {
    networkId,
    setId: set.id,
    version: 1,
    status: 'published' as const,
    publishedAt: new Date(),
  });
  em.persist([set, version]);
  demo.sections.forEach((s, i) => {
    const section = Object.assign(new StandardSection(), { networkId, versionId: version.id, position: i + 1, number: s.number, title: s.title });
    em.persist(section);
    s.criteria.forEach(([number, text, evidenceExpected, appliesTo = []], j) =>
      em.persist(
        Object.assign(new StandardCriterion(), {
          networkId,
          versionId: version.id,
          sectionId: section.id,
          position: j + 1,
          number,
          text,
          evidenceExpected,
          appliesTo,
        }),
      ),
    );
  });
  await em.flush();
}

/**
 * The national demo set, kept once for every network by the platform operator (in operator mode, as the operator's
 * routes write it). Idempotent: nothing is written when a national set with its code exists. True when written.
 */
export async function seedNationalStandards(db: TenantDb, operatorId: string | null): Promise<boolean> {
  if (!operatorId) return false;
  return db.asOperator({ userId: operatorId }, async ({ em }) => {
    if (await em.findOne(StandardSet, { code: NATIONAL_DEMO_SET.code, networkId: null })) return false;
    await writeSet(em as EntityManager, null, NATIONAL_DEMO_SET);
    return true;
  });
}

/** The demo network's own standard sets: East Midlands keeps an assessment tool. Run once, when the network is created. */
export async function seedNetworkStandards(db: TenantDb, network: { id: string; slug: string }): Promise<void> {
  if (network.slug !== 'east-midlands-mtn') return;
  await db.inNetwork({ userId: null, networkId: network.id, networkSlug: network.slug }, ({ em }) =>
    writeSet(em as EntityManager, network.id, EAST_MIDLANDS_TOOL),
  );
}
