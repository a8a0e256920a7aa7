import { z } from 'zod';

export const submissionCountsDtoSchema = z
  .object({
    total: z.number().int().min(0),
    awaited: z.number().int().min(0),
    submitted: z.number().int().min(0),
    accepted: z.number().int().min(0),
    moreInformationRequested: z.number().int().min(0),
    overdue: z.number().int().min(0).describe('Awaited or more information requested, past the due date.'),
  })
  .meta({ id: 'SubmissionCounts', description: 'How many submissions are in each state.' });
export type SubmissionCountsDto = z.infer<typeof submissionCountsDtoSchema>;
