import { z } from 'zod';

export const healthDtoSchema = z
  .object({
    status: z.enum(['ok', 'degraded']),
    database: z.enum(['up', 'down']),
    redis: z.enum(['up', 'down']),
    version: z.string(),
    eventLoopLagMs: z.number().min(0).describe("This API process's event-loop lag, p99 over the last window (ms)."),
  })
  .meta({ id: 'Health', description: 'Whether the database and Redis answer; `degraded` (with 503) when either does not.' });
export type HealthDto = z.infer<typeof healthDtoSchema>;
