import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { TimestampedEntity } from '../db/timestamped.entity';

/** One row per network: what the network is, and how its documents look. */
@Entity({ tableName: 'network_profile' })
export class NetworkProfile extends TimestampedEntity {
  @PrimaryKey({ type: 'uuid' })
  networkId!: string;

  @Property({ type: 'text' })
  specialty = '';

  @Property({ type: 'text' })
  region = '';

  @Property({ type: 'text' })
  purpose = '';

  @Property({ type: 'text' })
  vision = '';

  @Property({ type: 'json' })
  coreFunctions: string[] = [];

  @Property({ type: 'text' })
  primaryColour = '#005eb8';

  @Property({ type: 'text' })
  accentColour = '#41b6e6';

  @Property({ type: 'text' })
  classification = 'OFFICIAL';

  /** Prefix of risk references: `SN` → SN/01, SN/02 … */
  @Property({ type: 'text' })
  riskPrefix = 'RR';

  @Property({ type: 'uuid', nullable: true })
  logoFileId: string | null = null;

  @Property({ type: 'integer' })
  version = 1;
}
