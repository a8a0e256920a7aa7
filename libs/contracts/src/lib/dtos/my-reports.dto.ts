import { z } from 'zod';
import { MEMBERSHIP_ROLES } from '@plexus/domain';
import { reportDocumentDtoSchema } from './report.dto';
import { id } from './response-fields';

// "Reports from my networks" (GET /api/me/reports): the ready documents of every network whose membership lets the
// caller read its reports — a commissioner's one page across the networks that invited them.

/** At most this many ready documents of each network, its newest; its own library has them all. */
export const MY_REPORTS_PER_NETWORK = 50;

export const myReportsNetworkDtoSchema = z
  .object({
    networkId: id(),
    slug: z.string(),
    name: z.string(),
    role: z.enum(MEMBERSHIP_ROLES).describe('The caller’s role there.'),
    listed: z.number().int().min(0).max(MY_REPORTS_PER_NETWORK).describe('How many of its ready documents are listed.'),
    more: z.boolean().describe(`It has more than ${MY_REPORTS_PER_NETWORK} ready documents: its library lists them all.`),
  })
  .meta({ id: 'MyReportsNetwork', description: 'A network whose reports the caller may read.' });
export type MyReportsNetworkDto = z.infer<typeof myReportsNetworkDtoSchema>;

export const myReportDtoSchema = z
  .object({
    network: z.object({ networkId: id(), slug: z.string(), name: z.string() }).describe('The network the document belongs to.'),
    document: reportDocumentDtoSchema,
  })
  .meta({
    id: 'MyReport',
    description: 'A ready document and the network it belongs to; download it from `document.downloadUrl` (that network’s route).',
  });
export type MyReportDto = z.infer<typeof myReportDtoSchema>;

export const myReportsDtoSchema = z
  .object({
    networks: z.array(myReportsNetworkDtoSchema).describe('Every network whose reports the caller may read, by name.'),
    reports: z.array(myReportDtoSchema).describe(`Their ready documents, newest first (at most ${MY_REPORTS_PER_NETWORK} of each network).`),
  })
  .meta({
    id: 'MyReports',
    description:
      'Reports from my networks: the ready documents of every network that lets the caller read its reports, each read inside its own network.',
  });
export type MyReportsDto = z.infer<typeof myReportsDtoSchema>;
