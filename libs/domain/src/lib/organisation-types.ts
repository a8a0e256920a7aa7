export const ORGANISATION_TYPES = [
  'major_trauma_centre',
  'trauma_unit',
  'local_emergency_hospital',
  'spinal_hub',
  'spinal_partner',
  'partner_hospital',
  'maternity_unit',
  'neonatal_unit',
  'ambulance_service',
  'icb',
  'commissioner',
  'rehabilitation_provider',
  'independent_sector',
  'other',
] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

export const ORGANISATION_TYPE_LABELS: Record<OrganisationType, string> = {
  major_trauma_centre: 'Major trauma centre',
  trauma_unit: 'Trauma unit',
  local_emergency_hospital: 'Local emergency hospital',
  spinal_hub: 'Spinal hub',
  spinal_partner: 'Spinal partner hospital',
  partner_hospital: 'Partner hospital',
  maternity_unit: 'Maternity unit',
  neonatal_unit: 'Neonatal unit',
  ambulance_service: 'Ambulance service',
  icb: 'Integrated care board (ICB)',
  commissioner: 'Commissioner',
  rehabilitation_provider: 'Rehabilitation provider',
  independent_sector: 'Independent sector provider',
  other: 'Other',
};

export const NETWORK_SPECIALTIES = [
  'Major trauma',
  'Spinal',
  'Maternity',
  'Neonatal',
  'Critical care',
  'Cardiac',
  'Stroke',
  'Cancer',
  'Burns',
  'Other',
] as const;
