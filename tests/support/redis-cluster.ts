import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exited, freePort, waitFor } from '../faults/stack';

/**
 * A small Redis Cluster of the test's own on loopback: `size` primaries (no replicas), in memory only, each with its
 * cluster bus on a spare port of its own, the 16,384 slots shared out by `redis-cli --cluster create`.
 */
export class LocalRedisCluster {
  private readonly children: ChildProcess[] = [];
  private readonly dir = mkdtempSync(join(tmpdir(), 'plexus-redis-cluster-'));
  readonly ports: number[] = [];

  constructor(private readonly size = 3) {}

  /** `host:port,host:port,…`: the form of REDIS_CLUSTER_NODES. */
  get nodes(): string {
    return this.ports.map((p) => `127.0.0.1:${p}`).join(',');
  }

  private cli(port: number, ...args: string[]): string {
    return execFileSync('redis-cli', ['-p', String(port), ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  }

  async start(): Promise<void> {
    for (let i = 0; i < this.size; i++) {
      const port = await freePort();
      const bus = await freePort();
      this.ports.push(port);
      const child = spawn(
        'redis-server',
        [
          ...['--port', String(port), '--cluster-port', String(bus), '--bind', '127.0.0.1'],
          ...['--cluster-enabled', 'yes', '--cluster-config-file', `nodes-${port}.conf`, '--cluster-node-timeout', '5000'],
          ...['--dir', this.dir, '--save', '', '--appendonly', 'no', '--loglevel', 'warning'],
        ],
        { stdio: 'ignore' },
      );
      this.children.push(child);
    }
    for (const port of this.ports) await waitFor(`redis-server on ${port}`, () => this.cli(port, 'ping').trim() === 'PONG', 10_000);
    execFileSync('redis-cli', ['--cluster', 'create', ...this.ports.map((p) => `127.0.0.1:${p}`), '--cluster-replicas', '0', '--cluster-yes'], {
      stdio: 'ignore',
    });
    for (const port of this.ports) {
      await waitFor(`cluster_state:ok on ${port}`, () => this.cli(port, 'cluster', 'info').includes('cluster_state:ok'), 20_000, 100);
    }
  }

  async stop(): Promise<void> {
    for (const child of this.children.splice(0)) {
      child.kill('SIGKILL');
      await exited(child);
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
