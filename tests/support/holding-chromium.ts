import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface HoldingChromiumOptions {
  /** Hold the printing of every document (its render never finishes until the process is killed). */
  holdAll?: boolean;
  /**
   * Hold the printing of a document whose HTML contains this text, for ever (a document that hangs) — the first
   * time only, across relaunches: its retry prints normally.
   */
  trigger?: string;
  /** While a trigger document is held, also hold the other documents' printing, until a page is closed. */
  holdOthersUntilClose?: boolean;
  /** Never pass Target.closeTarget on (a page that cannot be closed: Chromium has to be killed). */
  swallowClose?: boolean;
}

export interface HoldingChromium {
  /** The executable to give the worker as CHROMIUM_PATH. */
  path: string;
  /** What the stand-in did so far, one event per line: `held`, `held-other`, `close`, `close-swallowed`, `released`. */
  events(): string[];
}

/**
 * A test stand-in for Chromium: a small Node program that launches the real Chromium and relays the DevTools
 * protocol between it and Puppeteer (over the pipes of `pipe: true`), holding back the `Page.printToPDF`
 * commands chosen by the options. A held render is stuck exactly as a hung one is from the worker's side, for as
 * long as the test needs, and every hold is written to an event log: a positive signal for the test to act on
 * (no polling for a state it might miss). Nothing in the application changes.
 */
export function holdingChromium(options: HoldingChromiumOptions): HoldingChromium {
  const dir = mkdtempSync(join(tmpdir(), 'plexus-chromium-'));
  const log = join(dir, 'events.log');
  const path = join(dir, 'chromium');
  const config = { chromium: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', log, ...options };
  writeFileSync(log, '');
  writeFileSync(
    path,
    `#!${process.execPath}
'use strict';
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const CONFIG = ${JSON.stringify(config)};
const log = (event) => fs.appendFileSync(CONFIG.log, event + '\\n');
const real = spawn(CONFIG.chromium, process.argv.slice(2), { stdio: ['ignore', 'inherit', 'inherit', 'pipe', 'pipe'] });
real.on('exit', (code) => { log('chromium-exit'); process.exit(code ?? 1); });
real.on('error', (err) => log('chromium-error ' + err.message));
const toChromium = real.stdio[3];
// Pipes as sockets (non-blocking): a blocking fs read of a pipe would keep the process from exiting.
real.stdio[4].pipe(new net.Socket({ fd: 4, readable: false, writable: true }));
const triggered = new Set();
let heldTriggers = 0;
const waiting = [];
const send = (raw) => toChromium.write(raw + '\\0');
function relay(raw) {
  const msg = JSON.parse(raw);
  if (CONFIG.trigger && msg.method === 'Runtime.callFunctionOn' && raw.includes(CONFIG.trigger)) triggered.add(msg.sessionId);
  if (msg.method === 'Page.printToPDF') {
    const firstTime = !fs.readFileSync(CONFIG.log, 'utf8').split('\\n').includes('held');
    if (CONFIG.holdAll || (triggered.has(msg.sessionId) && firstTime)) {
      heldTriggers++;
      return log('held');
    }
    if (CONFIG.holdOthersUntilClose && heldTriggers > 0) {
      waiting.push(raw);
      return log('held-other');
    }
  }
  if (msg.method === 'Target.closeTarget') {
    log('close');
    if (CONFIG.swallowClose) return log('close-swallowed');
    send(raw);
    heldTriggers = 0;
    for (const other of waiting.splice(0)) {
      send(other);
      log('released');
    }
    return;
  }
  send(raw);
}
let pending = Buffer.alloc(0);
const fromPuppeteer = new net.Socket({ fd: 3, readable: true, writable: false });
fromPuppeteer.on('data', (chunk) => {
  pending = Buffer.concat([pending, chunk]);
  let end;
  while ((end = pending.indexOf(0)) >= 0) {
    const raw = pending.subarray(0, end).toString('utf8');
    pending = pending.subarray(end + 1);
    relay(raw);
  }
});
fromPuppeteer.on('end', () => toChromium.end());
`,
  );
  chmodSync(path, 0o755);
  return {
    path,
    events: () => (existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : []),
  };
}
