import { Injectable } from '@nestjs/common';
import { RequestScopes } from '../tenancy/request-scope';
import { ReportDocument } from './report-document.entity';

/** Queries for the current network's document library (scoped by the tenant filter and RLS). */
@Injectable()
export class ReportRepository {
  private get em() {
    return RequestScopes.em();
  }

  find(id: string): Promise<ReportDocument | null> {
    return this.em.findOne(ReportDocument, { id });
  }

  /** These documents of the network (those of another network, or gone, are left out). */
  byIds(ids: string[]): Promise<ReportDocument[]> {
    return ids.length ? this.em.find(ReportDocument, { id: { $in: [...new Set(ids)] } }) : Promise.resolve([]);
  }

  /** The library, newest request first; withdrawn documents are left out unless asked for. */
  library(limit = 200, options: { includeWithdrawn?: boolean } = {}): Promise<ReportDocument[]> {
    return this.em.find(ReportDocument, options.includeWithdrawn ? {} : { withdrawnAt: null }, { orderBy: { requestedAt: 'desc' }, limit });
  }

  /** The ready documents only, withdrawn ones left out, newest request first (as the library orders them). */
  ready(limit: number): Promise<ReportDocument[]> {
    return this.em.find(ReportDocument, { status: 'ready', withdrawnAt: null }, { orderBy: { requestedAt: 'desc', id: 'desc' }, limit });
  }
}
