import type { DemoWorkPlan } from './demo-plan';

const HEADER = ['Key/Team Objective', 'Measurement', 'Work to be done/progress', 'Owner/Lead', 'Timescale'];
const CL = 'Clinical Leads from each Hub and Spinal Partner Hospitals with Trust Management and Commissioning Hub Spinal Specialist';
const CO = `Co-ordinated by RSN Clinical Lead. ${CL}`;
const CG = 'Clinical Governance Groups to RSN Board';
const list = (...entries: string[]) => entries.map((e) => `· ${e}`).join('\n');

/** Seed 001: a spinal network's objectives and work plan, April 2017 to March 2019. */
export const SEED_001: DemoWorkPlan = {
  title: 'Network Objectives and Work Plan 2017–19',
  periodStart: '2017-04-01',
  periodEnd: '2019-03-31',
  approvedOn: '2017-06-20',
  approvalNote: 'Objectives agreed by the Network Board; member organisations to adopt them in their local delivery plans.',
  roleAliases: { 'RSN Clinical Lead': 'Network Clinical Lead' },
  rows: [
    ['Quality Strategic Objective:', 'To improve the quality of spinal services and outcomes for spinal patients throughout the region'],
    HEADER,
    [
      '1. To identify Network boundaries and agree the Network Structure within the Region (with or without sub-networks).',
      list(
        'Define Spinal Hub(s), Spinal Partners and Non-spinal Partners within the RSN.',
        'Define any AQPs.',
        'Agree Network Name.',
        'Agree Network structure i.e. with/without sub-networks.',
      ),
      list(
        'Initial meeting to define Network, stakeholders and structures.',
        'Circulate two NHSE templates for RSN Terms of Reference.',
        'Agree RSN boundaries and identify synergies with adjacent RSNs',
      ),
      CL,
      'January to March 2017',
    ],
    [
      '2. To agree Terms of Reference using the National Templates.',
      list(
        'Agree Terms of Reference from National Templates.',
        'Which services will be provided by which provider – split by emergency, specialised and non-specialised.',
      ),
      list('Modify (if needed) and agree Terms of Reference from National Templates.', 'Define scope of non-specialised surgery for each provider'),
      CL,
      'January to March 2017',
    ],
    [
      '3. To appoint a Network Clinical Lead, form a Regional Spinal Network Board and organise a meeting schedule with agenda items.',
      list(
        'Appoint RSN Clinical Lead.',
        'Define other members of the Regional Spinal Network Board',
        'RSN Board meeting schedule for first 12 months',
      ),
      list('Appoint RSN Clinical Lead', 'Develop programme of RSN Board and Clinical Governance Group meetings for first 12 months'),
      CL,
      'January to March 2017',
    ],
    [
      '4. To secure the engagement of Network member organisations to work together.',
      list(
        'Confirm all Trusts in the Region are aware of the RSN and its function',
        'Secure sustainable funding stream',
        'Report Network measures with National Project through Spinal Services CRG',
      ),
      list(
        'Engage stakeholders and agree sustained and prospective funding sources.',
        'Set annual meeting of RSN Clinical Leads',
        'Share outcomes across the Network via appropriate forums',
      ),
      CO,
      'April to July 20017',
    ],
    [
      '5. To set up Clinical Governance Groups or Regional Network Meeting depending on agreed Network Structure to act as clinical advisors to the Network Board.',
      list('Clinical Governance Group / Regional Network meeting schedule for first 12 months', 'Agenda for meetings'),
      list('Agree Clinical Governance Group / Regional Network meeting composition, schedule and agenda.'),
      CO,
      'April to July 20017',
    ],
    [
      '6. To ensure that local spinal MDTs are functioning.',
      list('Confirm which Hospitals have weekly spinal MDT meetings'),
      list('Minuted, weekly spinal MDT meetings to continue in Spinal Hub and Partner Hospitals with 2 or more spinal surgeons'),
      'Clinical Leads from each Hub and Spinal Partner Hospitals',
      'April to July 20017',
    ],
    [
      '7. To involve patients in planning and decision making processes for spinal services in the region so that patients access the right facilities in a timely and appropriate manner.',
      list('Appoint 1-2 patient representatives to RSN Board', 'Patient feedback from involvement in process'),
      list('Invite patient representatives to sit on the RSN Board'),
      '',
      'April to July 20017',
    ],
    [],
    ['Innovation Strategic Objective:', 'To promote developments in spinal care pathways to spread best practice throughout the Network'],
    HEADER,
    [
      '8. To agree a Network data set for the sharing of best practice and audit of care across the Network and identify an agreed set of Network benchmarking measures',
      list('See Appendix 3', 'National dataset in preparation'),
      list('Agree any additional data items'),
      'RSN Board',
      'April to July 20017',
    ],
    [
      '9. To ensure that the Network complies with recommendations from national documents and standards for the further development of spinal services',
      list('Insert into Assessment Tool for RSN (see Appendix 3)'),
      list('CRG will feedback issues as they arise to all the Networks'),
      'RSN Clinical Lead',
      'As required',
    ],
    [],
    [
      'Productivity Strategic Objective:',
      'To maximize the availability of spinal care resource and minimize delays in access to spinal care to improve the experience and outcomes for patients across the Network',
    ],
    HEADER,
    [
      '10. To document Regional Work Force',
      list('WTE Spinal Consultants in each Hospital and anticipated retirement', 'AQP Providers including capacity and casemix'),
      list('WTE Spinal Consultants in each Hospital and anticipated retirement'),
      CG,
      'April to July 2017',
    ],
    [
      '11. To develop common standards and clinical pathways and protocols for patient transfer',
      list(
        'Policy for transfer of emergency spinal patients including electronic referral system',
        'Define referral pathways for patients requiring emergency or specialised spinal surgery',
      ),
      list('Communication strategy to stakeholders and partner hospitals', 'Establish working groups around specific pathways'),
      CG,
      'April to July 2017',
    ],
    [
      '12. To develop a Network repatriation policy so that once a patient’s need to be in a Spinal Centre is resolved, that their re-enablement occurs as close to home as is feasible',
      list('Network Policy for repatriation of spinal patients'),
      list(
        'Construct policy for re-patriation of spinal patients within the RSN',
        'Audit of delayed discharge from principle spinal providers',
        'Enactment of policy and monitoring of compliance',
      ),
      CG,
      'April to July 2017',
    ],
    [
      '13. To assess MRI capacity for emergency spinal patients',
      list(
        'MRI scanning times for each Hospital (routine scanning + availability for emergency scanning)',
        'Policy for MRI scanning of emergency spinal patients',
      ),
      list('Construct policy for MRI of emergency spinal patients'),
      CG,
      'April to July 2017',
    ],
    [],
    ['Prevention Strategic Objective:', 'To minimize the requirement for spinal care'],
    HEADER,
    [
      '14. To seek opportunities to identify common education and training opportunities across the Network',
      list('Record of Spinal Fellowships in the Region'),
      list('Record of Spinal Fellowships in the Region', 'Training of Specialist Spinal Triage Practitioners'),
      CG,
      'April to December 2017',
    ],
    [
      '14. Once Spinal Training Interface Group Fellows are approved, each RSN should have one STIG Fellow',
      list('Appointment of STIG Fellow to RSN at National Selection'),
      list('Evaluate training options within the Region and formulate a plan to accommodate training of a STIG Fellow.'),
      'Network Board',
      'Unsure at present',
    ],
    [
      '15. To consider research and audit opportunities and objectives',
      list('Document agreed audits for all or specific providers', 'Any proposed multi-centre research projects'),
      list('Document agreed audits for all or specific providers'),
      CG,
      'April to December 2017',
    ],
  ],
  updates: [
    {
      work: 'To identify Network boundaries',
      on: '2017-03-24',
      status: 'complete',
      narrative: 'Hubs, partners and AQPs defined at the initial meeting; structure agreed without sub-networks.',
    },
    { work: 'To agree Terms of Reference', on: '2017-04-12', status: 'complete', narrative: 'Terms of Reference agreed from the national template.' },
    {
      work: 'To appoint a Network Clinical Lead',
      on: '2017-05-02',
      status: 'complete',
      narrative: 'Clinical Lead appointed; board meetings scheduled for the year.',
    },
    {
      work: 'To secure the engagement',
      on: '2017-07-10',
      status: 'on_track',
      narrative: 'All trusts briefed; funding discussions with the commissioning hub continue.',
    },
    {
      work: 'To set up Clinical Governance Groups',
      on: '2017-09-14',
      status: 'complete',
      narrative: 'Regional Network Meeting set up; first meeting held in September.',
    },
    {
      work: 'To ensure that local spinal MDTs',
      on: '2017-08-03',
      status: 'complete',
      narrative: 'Weekly minuted MDTs confirmed at both hubs and one partner hospital.',
    },
    {
      work: 'To involve patients in planning',
      on: '2017-10-19',
      status: 'off_track',
      narrative: 'No patient representatives recruited yet; approach agreed with Healthwatch.',
    },
    {
      work: 'To agree a Network data set',
      on: '2017-11-02',
      status: 'at_risk',
      narrative: 'The national dataset is delayed; local items agreed in the meantime.',
    },
    { work: 'To ensure that the Network complies', on: '2018-02-15', status: 'on_track', narrative: 'CRG feedback reviewed at each board.' },
    { work: 'To document Regional Work Force', on: '2017-07-27', status: 'complete', narrative: 'Workforce census of spinal consultants completed.' },
    {
      work: 'To develop common standards',
      on: '2017-12-07',
      status: 'on_track',
      narrative: 'Emergency transfer policy drafted; working groups formed.',
    },
    {
      work: 'To develop a Network repatriation policy',
      on: '2017-10-05',
      status: 'at_risk',
      narrative: 'Delayed discharge audit shows longer waits than expected; policy modelling continues.',
    },
    {
      work: 'To assess MRI capacity',
      on: '2017-07-20',
      status: 'complete',
      narrative: 'MRI availability mapped for every hospital; emergency scanning policy agreed.',
    },
    {
      work: 'To seek opportunities to identify common education',
      on: '2017-11-30',
      status: 'on_track',
      narrative: 'Fellowship record complete; triage practitioner training being planned.',
    },
    {
      work: 'Once Spinal Training Interface Group Fellows',
      on: '2018-01-18',
      status: 'deferred',
      narrative: 'National selection not yet scheduled; revisit next year.',
    },
  ],
  changes: [
    {
      work: 'To develop common standards',
      on: '2017-09-21',
      timescale: 'April 2017 to March 2018',
      reason: 'Pathway working groups need longer; agreed at the September 2017 board.',
    },
  ],
};
