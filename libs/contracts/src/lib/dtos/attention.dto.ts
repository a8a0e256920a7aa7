import { z } from 'zod';
import { day, id } from './response-fields';

/** The groups of a network's home page, in the order it shows them. */
export const ATTENTION_SECTION_KEYS = [
  'overdue',
  'due_soon',
  'no_update',
  'risk_review',
  'peer_review',
  'reports_failed',
  'deliveries_failed',
  'reports_ready',
] as const;
export type AttentionSectionKey = (typeof ATTENTION_SECTION_KEYS)[number];

export const attentionLineDtoSchema = z
  .object({
    id: id().describe('The record the line is about.'),
    text: z.string().describe('What it is: a work item, a risk, a document, a delivery.'),
    detail: z.string().describe('Why it needs attention, in words ("Due 10 December 2026, 5 days ago").'),
    link: z.string().describe('Where it is in the web app: a path under `/n/{network}/`, with a query string where needed.'),
    date: day().nullable().describe('The day the line turns on (due, last update, review due, finished), for sorting.'),
  })
  .meta({ id: 'AttentionLine', description: 'One thing that needs attention, with a link to it in the web app.' });
export type AttentionLineDto = z.infer<typeof attentionLineDtoSchema>;

export const attentionSectionDtoSchema = z
  .object({
    key: z.enum(ATTENTION_SECTION_KEYS),
    heading: z.string(),
    summary: z.string().describe('The count in words, like "2 work items are overdue".'),
    lines: z.array(attentionLineDtoSchema),
  })
  .meta({ id: 'AttentionSection', description: 'A group of lines on the home page (only groups with something in them are sent).' });
export type AttentionSectionDto = z.infer<typeof attentionSectionDtoSchema>;

export const attentionDtoSchema = z
  .object({
    asOf: day(),
    scope: z
      .enum(['network', 'own'])
      .describe(
        '`network`: the whole network’s (managers, viewers); `own`: the caller’s items, risks and actions (leads) or organisation’s (contributors).',
      ),
    plan: z.object({ id: id(), title: z.string() }).nullable().describe('The current approved plan the work items are read from.'),
    lastBoard: z.object({ id: id(), meetingDate: day() }).nullable().describe('The last board meeting held (on or before today).'),
    freshFrom: day().describe('An open item with no progress update on or after this day needs one.'),
    total: z.number().int().min(0),
    summary: z.string().describe('"Nothing needs your attention", or how many things do, in words.'),
    sections: z.array(attentionSectionDtoSchema),
  })
  .meta({ id: 'Attention', description: 'What needs attention now in a network: the home page after sign-in.' });
export type AttentionDto = z.infer<typeof attentionDtoSchema>;
