import type { TenantDb } from '@plexus/server';
import type { HttpClient } from '../../support/harness';
import type { Fixture } from '../../support/harness';

/**
 * Each feature adds one file here that creates a record of every kind its routes take an id for, and
 * returns the ids by route parameter name ({planId}, {riskId}, …). The isolation sweep fills every route
 * of the OpenAPI document with them, for the caller's network and for another network. `db` is for records only
 * the worker makes (a document link): written as it writes them, in the fixture's network.
 */
export type SweepIds = (manager: HttpClient, fixture: Fixture, db: TenantDb) => Promise<Record<string, string>>;

/** The ids operator routes (/api/admin/…) take, by route parameter name, made by a platform operator (`operator`). */
export type OperatorSweepIds = (operator: HttpClient) => Promise<Record<string, string>>;
