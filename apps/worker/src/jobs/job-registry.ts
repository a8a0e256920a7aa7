import { JOB_NAMES, type JobName } from '@plexus/server';

/** Fails boot when a job name has no handler, or more than one: a job nobody handles would sit in Redis silently. */
export function assertJobHandlers(handled: JobName[]): void {
  const declared = JOB_NAMES;
  const problems: string[] = [];
  for (const name of declared) {
    const count = handled.filter((h) => h === name).length;
    if (count === 0) problems.push(`job "${name}" has no handler`);
    if (count > 1) problems.push(`job "${name}" has ${count} handlers`);
  }
  for (const name of handled) if (!declared.includes(name)) problems.push(`handler for unknown job "${name}"`);
  if (problems.length) throw new Error(`Worker cannot start: ${problems.join('; ')}`);
}
