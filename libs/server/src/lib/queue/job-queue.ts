import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { JOBS, type JobName, type JobPayloads, QueueName } from './queues';

/** The one typed way to enqueue: the job id comes from the payload, so enqueuing twice runs the work once. */
export class JobQueue {
  private readonly queues = new Map<QueueName, Queue>();

  constructor(
    private readonly connection: Redis,
    private readonly prefix: string,
  ) {}

  queue(name: QueueName): Queue {
    let q = this.queues.get(name);
    if (!q) {
      q = new Queue(name, { connection: this.connection, prefix: this.prefix });
      this.queues.set(name, q);
    }
    return q;
  }

  async enqueue<N extends JobName>(name: N, payload: JobPayloads[N]): Promise<string> {
    const def = JOBS[name];
    const jobId = def.jobId(payload);
    await this.queue(def.queue).add(name, payload, { ...def.options, jobId });
    return jobId;
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
  }
}
