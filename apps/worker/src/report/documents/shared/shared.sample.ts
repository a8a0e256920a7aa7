import type { BrandView, NetworkView } from './view-model';

/** Sample data shared by every kind's sample: a network whose name carries markup, to prove it is escaped. */
export const SAMPLE_NETWORK: NetworkView = {
  name: 'Northern <Spinal> Network',
  specialty: 'Spinal cord injury',
  region: 'North of England',
  classification: 'OFFICIAL',
};
export const SAMPLE_BRAND: BrandView = { primary: '#005eb8', primaryText: '#ffffff', accent: '#41b6e6', logo: null };
export const SAMPLE_DATE = '24 November 2026';
