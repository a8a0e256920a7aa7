import { z } from 'zod';
import { HEX_COLOUR_PATTERN, ORGANISATION_TYPES, type OrganisationType } from '@plexus/domain';
import { prose, text } from '../fields';

const required = (max: number, label: string) => text(max, label).min(1, { error: `Enter the ${label.toLowerCase()}` });
const colour = (label: string) => text(100, label).regex(HEX_COLOUR_PATTERN, { error: `${label} must be a colour like #005eb8` });

export const memberOrganisationSchema = z.object({
  /** Omit for a new organisation; give the id to keep an existing one. */
  id: z.uuid().optional(),
  name: required(200, 'Organisation name'),
  type: z.enum(ORGANISATION_TYPES, { error: 'Choose the organisation type' }),
});

export const leadershipRoleSchema = z.object({
  id: z.uuid().optional(),
  title: required(120, 'Role title'),
  personName: required(120, 'Person'),
});

export const updateNetworkProfileSchema = z.object({
  /** The version you read; a stale version answers 409 so that no one overwrites a colleague's edit. */
  version: z.number().int().min(1),
  name: required(200, 'Network name'),
  specialty: required(80, 'Specialty'),
  region: text(120, 'Region'),
  purpose: prose(4000, 'Purpose'),
  vision: prose(4000, 'Vision'),
  coreFunctions: z.array(required(400, 'Core function')).max(30, { error: 'List 30 core functions or fewer' }),
  leadershipRoles: z.array(leadershipRoleSchema).max(50, { error: 'List 50 leadership roles or fewer' }),
  memberOrganisations: z
    .array(memberOrganisationSchema)
    .max(200, { error: 'List 200 organisations or fewer' })
    .superRefine(
      (orgs, ctx) => {
        // Runs even when other fields are wrong (`when`), so every problem is reported at once; then the
        // list itself may be missing or not a list (`{}`, null), which the array check has reported.
        if (!Array.isArray(orgs)) return;
        const seen = new Set<string>();
        orgs.forEach((org, index) => {
          if (typeof org?.name !== 'string') return;
          const key = org.name.trim().toLowerCase();
          if (key && seen.has(key)) ctx.addIssue({ code: 'custom', path: [index, 'name'], message: `"${org.name.trim()}" is listed twice` });
          seen.add(key);
        });
      },
      { when: () => true },
    ),
  /** Prefix of risk references (`SN` → SN/01). Omit to keep the current one. */
  riskPrefix: text(100, 'The risk prefix')
    .regex(/^[A-Z][A-Z0-9]{0,5}$/, { error: 'Use 1 to 6 capital letters or digits, starting with a letter, like SN' })
    .optional(),
  branding: z.object({
    primaryColour: colour('Primary colour'),
    accentColour: colour('Accent colour'),
    classification: text(120, 'Classification line'),
  }),
});
export type UpdateNetworkProfileRequest = z.input<typeof updateNetworkProfileSchema>;

export interface MemberOrganisationDto {
  id: string;
  name: string;
  type: OrganisationType;
}

export interface LeadershipRoleDto {
  id: string;
  title: string;
  personName: string;
}

export interface NetworkProfileDto {
  networkId: string;
  slug: string;
  name: string;
  specialty: string;
  region: string;
  purpose: string;
  vision: string;
  coreFunctions: string[];
  leadershipRoles: LeadershipRoleDto[];
  memberOrganisations: MemberOrganisationDto[];
  branding: {
    primaryColour: string;
    accentColour: string;
    classification: string;
    logo: { contentType: string; size: number; updatedAt: string } | null;
  };
  riskPrefix: string;
  version: number;
  updatedAt: string;
}
