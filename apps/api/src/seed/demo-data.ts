import type { MembershipRole, OrganisationType } from '@plexus/domain';

/**
 * Demo networks built from the seeds in shared/seeds (000 major trauma, 001 spinal, 003 maternity). The
 * words of each network's purpose, vision and functions come from its seed; the people and organisations
 * are fictional, with addresses on the reserved example.org domain.
 */
export const DEMO_PASSWORD = 'plexus-demo-2026';

export interface DemoPerson {
  email: string;
  displayName: string;
  isOperator?: boolean;
}

export interface DemoNetwork {
  slug: string;
  name: string;
  specialty: string;
  region: string;
  purpose: string;
  vision: string;
  coreFunctions: string[];
  leadershipRoles: Array<{ title: string; personName: string }>;
  organisations: Array<{ name: string; type: OrganisationType }>;
  primaryColour: string;
  accentColour: string;
  members: Array<{ email: string; role: MembershipRole; organisation?: string }>;
  /** Commissioners who receive the network's reports (no accounts): `organisation` names a member organisation, else free text. */
  recipients: Array<{ name: string; email: string; role: string; organisation?: string; organisationName?: string }>;
}

const NHSE_SPECIALISED = 'NHS England specialised commissioning';

export const DEMO_PEOPLE: DemoPerson[] = [
  { email: 'operator@example.org', displayName: 'Pat Operator', isOperator: true },
  { email: 'alex.morgan@example.org', displayName: 'Alex Morgan' },
  { email: 'priya.shah@example.org', displayName: 'Priya Shah' },
  { email: 'tom.hughes@example.org', displayName: 'Tom Hughes' },
  { email: 'grace.okafor@example.org', displayName: 'Grace Okafor' },
  { email: 'sam.patel@example.org', displayName: 'Sam Patel' },
  { email: 'helen.ward@example.org', displayName: 'Helen Ward' },
  { email: 'ravi.kumar@example.org', displayName: 'Ravi Kumar' },
  { email: 'lucy.bennett@example.org', displayName: 'Lucy Bennett' },
  { email: 'owen.price@example.org', displayName: 'Owen Price' },
  { email: 'fatima.ali@example.org', displayName: 'Fatima Ali' },
  { email: 'james.reid@example.org', displayName: 'James Reid' },
  { email: 'nina.clarke@example.org', displayName: 'Nina Clarke' },
  { email: 'chris.lowe@example.org', displayName: 'Chris Lowe' },
  // NHS England specialised commissioning: invited as a commissioner by the trauma and spinal networks, not maternity.
  { email: 'commissioner@example.org', displayName: 'Dana Whitfield' },
];

export const DEMO_NETWORKS: DemoNetwork[] = [
  {
    slug: 'east-midlands-mtn',
    name: 'East Midlands Major Trauma Network',
    specialty: 'Major trauma',
    region: 'East Midlands',
    purpose: 'To bring together key stakeholders for major trauma care provision within the East Midlands Trauma Network.',
    vision:
      'That all patients within the Network who require major trauma care receive the best care possible, in the most appropriate environment, at the most appropriate time.',
    coreFunctions: [
      'Service Delivery: plan and manage capacity and demand',
      'Resources: clinical stewardship of resources across the whole pathway',
      'Workforce: flexible, skilled, resilient staffing',
      'Quality: improve quality, safety, patient experience and outcomes',
      'Collaboration: working together at local, system, regional and national level',
      'Transformation: plan sustainable services that meet the needs of all patients',
      'Population Health: assess need, improve health, reduce inequalities',
    ],
    leadershipRoles: [
      { title: 'Network Chair', personName: 'Dr Helen Ward' },
      { title: 'Network Clinical Lead', personName: 'Dr Ravi Kumar' },
      { title: 'Network Rehab Director', personName: 'Lucy Bennett' },
      { title: 'Network Manager', personName: 'Priya Shah' },
    ],
    organisations: [
      { name: 'Northfield University Hospitals NHS Trust', type: 'major_trauma_centre' },
      { name: 'Riverside General Hospital', type: 'trauma_unit' },
      { name: 'Kingsmead Hospital', type: 'trauma_unit' },
      { name: 'Eastern Counties Ambulance Service', type: 'ambulance_service' },
      { name: 'Midshire Integrated Care Board', type: 'icb' },
    ],
    primaryColour: '#005eb8',
    accentColour: '#ffb81c',
    recipients: [
      {
        name: 'Dr Miriam Cole',
        email: 'miriam.cole@midshire-icb.example.org',
        role: 'Director of commissioning',
        organisation: 'Midshire Integrated Care Board',
      },
      {
        name: 'Jon Whitaker',
        email: 'jon.whitaker@midshire-icb.example.org',
        role: 'Urgent and emergency care commissioner',
        organisation: 'Midshire Integrated Care Board',
      },
      {
        name: 'Aisha Rahman',
        email: 'aisha.rahman@nhse.example.org',
        role: 'Specialised commissioning manager, trauma',
        organisationName: NHSE_SPECIALISED,
      },
    ],
    members: [
      { email: 'priya.shah@example.org', role: 'manager' },
      { email: 'ravi.kumar@example.org', role: 'lead' },
      { email: 'lucy.bennett@example.org', role: 'lead' },
      { email: 'helen.ward@example.org', role: 'viewer' },
      { email: 'owen.price@example.org', role: 'contributor', organisation: 'Riverside General Hospital' },
      { email: 'alex.morgan@example.org', role: 'viewer' },
      { email: 'commissioner@example.org', role: 'commissioner' },
    ],
  },
  {
    slug: 'northern-spinal',
    name: 'Northern Spinal Network',
    specialty: 'Spinal',
    region: 'North of England',
    purpose:
      'To ensure equitable access and improve outcome and experience for spinal patients within the region, providing an environment where clinicians work together to share best practice.',
    vision:
      'Our vision is to ensure safe, equitable access to the best spinal care in the most suitable environment including timely transfer to regional specialist providers.',
    coreFunctions: [
      'Quality: to improve the quality of spinal services and outcomes for spinal patients throughout the region',
      'Innovation: to promote developments in spinal care pathways to spread best practice throughout the Network',
      'Productivity: to maximise the availability of spinal care resource and minimise delays in access to spinal care',
      'Prevention: to minimise the requirement for spinal care',
    ],
    leadershipRoles: [
      { title: 'Network Chair', personName: 'Mr James Reid' },
      { title: 'Network Clinical Lead', personName: 'Dr Fatima Ali' },
      { title: 'Network Manager', personName: 'Alex Morgan' },
    ],
    organisations: [
      { name: 'Northgate Spinal Hub', type: 'spinal_hub' },
      { name: 'Westbrook Hospital', type: 'spinal_partner' },
      { name: 'Moorside Hospital', type: 'partner_hospital' },
      { name: 'Northern Spinal Commissioning Hub', type: 'commissioner' },
    ],
    primaryColour: '#330072',
    accentColour: '#41b6e6',
    recipients: [
      {
        name: 'Gareth Mills',
        email: 'gareth.mills@spinal-hub.example.org',
        role: 'Commissioning lead',
        organisation: 'Northern Spinal Commissioning Hub',
      },
      {
        name: 'Rachel Dunn',
        email: 'rachel.dunn@nhse.example.org',
        role: 'Specialised commissioning manager, spinal',
        organisationName: NHSE_SPECIALISED,
      },
    ],
    members: [
      { email: 'alex.morgan@example.org', role: 'manager' },
      { email: 'fatima.ali@example.org', role: 'lead' },
      { email: 'james.reid@example.org', role: 'viewer' },
      { email: 'tom.hughes@example.org', role: 'contributor', organisation: 'Westbrook Hospital' },
      { email: 'commissioner@example.org', role: 'commissioner' },
    ],
  },
  {
    slug: 'northern-maternity',
    name: 'Northern Maternity Clinical Network',
    specialty: 'Maternity',
    region: 'North East and North Cumbria',
    purpose:
      'To support local maternity systems to transform services and implement Better Births: sharing information, best practice and learning, and making sure specialist services are available to women and babies with more complex needs.',
    vision:
      'Safe and efficient models of maternity care, with women, their babies and families able to access the services they need and choose, as close to home as possible.',
    coreFunctions: [
      'Advise local maternity systems on their transformation plans',
      'Targeted improvement support and clinical advice',
      'Inform the development of regionally available specialised services',
      'Reflect and challenge unwarranted variation',
      'Share learning and best practice to foster a learning culture',
    ],
    leadershipRoles: [
      { title: 'Clinical Lead', personName: 'Dr Nina Clarke' },
      { title: 'Clinical Lead', personName: 'Grace Okafor' },
      { title: 'Network Manager', personName: 'Sam Patel' },
      { title: 'Network Delivery Team Manager', personName: 'Chris Lowe' },
    ],
    organisations: [
      { name: 'Tyneside Maternity Unit', type: 'maternity_unit' },
      { name: 'Wearvale Hospitals NHS Trust', type: 'maternity_unit' },
      { name: 'Fellside Neonatal Unit', type: 'neonatal_unit' },
      { name: 'North East Integrated Care Board', type: 'icb' },
    ],
    primaryColour: '#ae2573',
    accentColour: '#005eb8',
    recipients: [
      {
        name: 'Karen Doyle',
        email: 'karen.doyle@ne-icb.example.org',
        role: 'Head of maternity commissioning',
        organisation: 'North East Integrated Care Board',
      },
      {
        name: 'Imran Qureshi',
        email: 'imran.qureshi@nhse.example.org',
        role: 'Specialised commissioning manager, neonatal',
        organisationName: NHSE_SPECIALISED,
      },
    ],
    members: [
      { email: 'sam.patel@example.org', role: 'manager' },
      { email: 'nina.clarke@example.org', role: 'lead' },
      { email: 'grace.okafor@example.org', role: 'lead' },
      { email: 'chris.lowe@example.org', role: 'viewer' },
      { email: 'tom.hughes@example.org', role: 'viewer' },
      { email: 'james.reid@example.org', role: 'contributor', organisation: 'Wearvale Hospitals NHS Trust' },
    ],
  },
];
