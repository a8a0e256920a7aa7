import { JOB_NAMES, JOB_QUEUE, QueueName, type JobName } from '@plexus/server';

const ALL_QUEUES = Object.values(QueueName);

/**
 * Fails boot when a job of a queue this worker serves has no handler, or more than one, or when a handler is for a
 * job outside those queues: a job nobody handles would sit in Redis silently. `queues` is WORKER_QUEUES (all of them
 * by default); the handlers given are the ones the worker registered for those queues.
 */
export function assertJobHandlers(handled: JobName[], queues: readonly QueueName[] = ALL_QUEUES): void {
  const served = (name: JobName) => queues.includes(JOB_QUEUE[name]);
  const declared = JOB_NAMES.filter(served);
  const problems: string[] = [];
  for (const name of declared) {
    const count = handled.filter((h) => h === name).length;
    if (count === 0) problems.push(`job "${name}" (queue ${JOB_QUEUE[name]}) has no handler`);
    if (count > 1) problems.push(`job "${name}" has ${count} handlers`);
  }
  for (const name of handled) {
    if (!JOB_NAMES.includes(name)) problems.push(`handler for unknown job "${name}"`);
    else if (!served(name)) problems.push(`handler for job "${name}" of queue ${JOB_QUEUE[name]}, which this worker does not serve`);
  }
  if (problems.length) throw new Error(`Worker cannot start (queues ${queues.join(', ')}): ${problems.join('; ')}`);
}

/** The handlers a worker registers: those whose job runs in one of the queues it serves (WORKER_QUEUES). */
export function handlersForQueues<H extends { jobName: JobName }>(handlers: readonly H[], queues: readonly QueueName[]): H[] {
  return handlers.filter((h) => queues.includes(JOB_QUEUE[h.jobName]));
}
