import { Entity, Property } from '@mikro-orm/core';
import { TimestampedTenantEntity } from '../db/timestamped-tenant.entity';

/** A named list of the network's recipients (e.g. "Commissioners"). Name unique per network, ignoring case. */
@Entity({ tableName: 'distribution_list' })
export class DistributionList extends TimestampedTenantEntity {
  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text' })
  description = '';
}
