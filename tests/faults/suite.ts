import type { HttpClient } from '../support/http-client';
import type { Stack } from './stack';

/** One row of the suite's table: what was done to the product, what survived, and whether that is what it must do. */
export interface Row {
  scenario: string;
  did: string;
  survived: string;
  ok: boolean;
}

export interface Context {
  stack: Stack;
  /** Signed in as the manager of Northern Spinal Network (demo data). */
  spinal: HttpClient;
  /** Signed in as the manager of East Midlands Major Trauma Network (demo data). */
  trauma: HttpClient;
  signIn(email: string): Promise<HttpClient>;
}

export type Scenario = (ctx: Context) => Promise<Row[]>;

export interface DocumentState {
  id: string;
  status: string;
  attempts?: number;
  sha256?: string | null;
}

export const SPINAL = '/api/networks/northern-spinal';
export const TRAUMA = '/api/networks/east-midlands-mtn';

/** The network's document library as the API reports it. */
export async function library(client: HttpClient, base = SPINAL): Promise<DocumentState[]> {
  const res = await client.get(`${base}/reports`);
  if (res.status !== 200) throw new Error(`library answered ${res.status}`);
  return res.body as DocumentState[];
}

/** A small report (the risk register report: a few pages). */
export const riskReport = { kind: 'risk_register', options: { topRisks: 5 } };
