import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
}

export function ms(n: number): string {
  return `${n.toFixed(0)} ms`;
}

/** Proportional set size (KiB) of a process and all its descendants, from /proc/<pid>/smaps_rollup. */
export function pssKiB(rootPid: number): number {
  const pids = [rootPid];
  for (let i = 0; i < pids.length; i++) {
    try {
      const children = execFileSync('pgrep', ['-P', String(pids[i])], { encoding: 'utf8' })
        .trim()
        .split('\n')
        .filter(Boolean)
        .map(Number);
      pids.push(...children);
    } catch {
      // no children
    }
  }
  let total = 0;
  for (const pid of pids) {
    try {
      const m = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
      if (m) total += Number(m[1]);
    } catch {
      // process ended meanwhile
    }
  }
  return total;
}

/** Least-squares slope of y over x. */
export function slope(points: Array<[number, number]>): number {
  const n = points.length;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const num = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const den = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return den ? num / den : 0;
}

/** Runs `count` tasks with `concurrency` in flight; returns documents per second. */
export async function throughput(count: number, concurrency: number, task: (i: number) => Promise<unknown>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await task(next++);
    }),
  );
  return count / ((performance.now() - started) / 1000);
}
