import type { DemoWorkPlan } from './demo-plan';

/**
 * Seed 003: a maternity network's business plan 2017–18 (national aims → our actions → timescale → measures).
 * The document names its leads in its support team rather than per row; the Lead column gives each aim to one
 * of them so that the demo's leads have work to update.
 */
export const SEED_003: DemoWorkPlan = {
  title: 'Maternity Network Business Plan 2017–18',
  periodStart: '2017-04-01',
  periodEnd: '2018-03-31',
  approvedOn: '2017-05-10',
  approvalNote: 'Agreed by the Maternity Clinical Advisory Group.',
  roleAliases: {},
  rows: [
    ['Better Births: the regional contribution'],
    ['Delivering the vision of Better Births through local maternity systems and the clinical network'],
    ['National aims and objectives', 'Our actions', 'Timescale', 'Measures of our success', 'Lead'],
    [
      '1. Provide advice to Local Maternity Systems (LMS) to develop and implement local maternity transformation plans, acting as an honest broker, trouble shooter and/or critical friend where appropriate.',
      'Facilitate the development of Local Maternity Systems through the provision of clinical advice and service improvement support.',
      '2017-18',
      'A Local Maternity System is in place and functional across each STP footprint by March 2017.\nEach LMS has a plan for the implementation of Better Births in place by the end of October 2017.\nNetwork involvement at strategic level via LMS Executive Groups and LMS Boards.',
      'Network Delivery Team Manager',
    ],
    [
      '',
      'Support delivery of Maternity Transformation Plans.',
      '2017-18',
      'Log of advice and support requests that are outside the scope of this business plan.',
      'Network Manager',
    ],
    [
      '2. Provide targeted improvement support and clinical advice to poorly performing CCGs according to the CCG IAF (Improvement and Assessment Framework).',
      'Annual review of performance against the maternity indicators: stillbirth and neonatal mortality; maternal smoking at time of delivery; experience of care; choice in maternity services.',
      '2017-18',
      'Inclusion within the network regional dashboard of all data items relevant to the IAFs.\nPresentation of findings at Maternity Clinical Advisory Group.\nReflective baseline of current position.',
      'Clinical Lead',
    ],
    [
      '',
      'Work with local maternity systems to support action planning to improve services.',
      '2017-18',
      'Local Maternity System to have a network-supported plan to improve services.',
      'Clinical Lead (Grace Okafor)',
    ],
    [
      '3. Inform the development of regionally available specialised services that LMSs feed into, so as to ensure women and their babies can access the right care, in the right place at the right time.',
      'Guideline development to standardise appropriate areas of practice and care, improve quality and outcomes based on the best and most up to date evidence available.',
      '2017-18',
      'Maternal Medicine and Fetal Medicine Meetings involving multi-disciplinary, multi-organisational representation.\nCo-production of agreed guidance and regional pathways of care.',
      'Clinical Lead',
    ],
    [
      '4. Aid the system by way of reflection and challenge to unwarranted variation, identifying opportunities for improvement and acting as a conduit for resolution of issues.',
      'Continue to develop a regional maternity dashboard to allow a standardised approach to service analysis.\nAlign the regional dashboard with the ongoing work to develop a national maternity dashboard.',
      '2017-18',
      'Standardised data indicators.\nProvision of comparable service outcome data.\nAbility to identify good practice and share learning.',
      'Network Delivery Lead',
    ],
    [
      '5. Facilitate the sharing and learning of best practice so as to foster the development of a learning culture',
      'Continue to host and facilitate multi professional, multi-organisational forums within Maternity.',
      '2017-18',
      'Maternity Clinical Advisory Group, Maternity Engagement Group and Maternity Patient Safety Learning Network meetings held regularly.\nEvidence of shared learning from discussion of case reviews.',
      'Clinical Lead (Grace Okafor)',
    ],
    [
      "6. Continue to advise on and encourage the implementation of the Saving Babies' Lives care bundle.",
      'Proactively encourage providers to develop action plans to implement the care bundle, providing advice and support when required.',
      '2017-18',
      'All providers have action plans for reducing smoking; fetal growth restriction; reduced fetal movement; effective fetal monitoring during labour.',
      'Clinical Lead',
    ],
    [
      '',
      'Support national data collection on Care Bundle compliance.',
      '2017-18',
      "Analyse and share local data about Care Bundle's adoption within the region.",
      'Network Delivery Lead',
    ],
    [
      '7. Establish and maintain regional resources/networks for driving delivery and improvement, including networks for specialist perinatal mental health.',
      'Delivery of a regional PMH work programme in partnership with Providers, Commissioners, Service users, PHE and HEE.',
      '2017-18',
      'Plans in place to increase access to evidence-based specialist perinatal mental health care to meet 100% of need by 2020/21.',
      'Network Manager',
    ],
  ],
  updates: [
    {
      work: 'Facilitate the development of Local Maternity Systems',
      on: '2017-10-31',
      status: 'complete',
      narrative: 'Every LMS has its Better Births implementation plan.',
    },
    {
      work: 'Support delivery of Maternity Transformation Plans',
      on: '2017-12-12',
      status: 'on_track',
      narrative: 'Network attends each LMS board; advice log kept.',
    },
    {
      work: 'Annual review of performance',
      on: '2017-09-14',
      status: 'complete',
      narrative: 'Review presented to the Clinical Advisory Group with a baseline for each CCG.',
    },
    {
      work: 'Work with local maternity systems to support action planning',
      on: '2018-01-25',
      status: 'at_risk',
      narrative: 'Two of four LMSs have network-supported plans; the others are waiting for data.',
    },
    { work: 'Guideline development', on: '2017-11-16', status: 'on_track', narrative: 'Renal and epilepsy pathways agreed; haematology in draft.' },
    {
      work: 'Continue to develop a regional maternity dashboard',
      on: '2018-02-08',
      status: 'off_track',
      narrative: 'National dashboard definitions changed; regional data returns are incomplete.',
    },
    {
      work: 'Continue to host and facilitate',
      on: '2017-12-07',
      status: 'on_track',
      narrative: 'All three forums met this quarter; case reviews shared.',
    },
    { work: 'Proactively encourage providers', on: '2018-03-15', status: 'complete', narrative: 'All providers have care bundle action plans.' },
  ],
  changes: [],
};
