import { Type } from '@mikro-orm/core';

/**
 * A time of day kept in a PostgreSQL `time` column and read as `HH:MM` (24-hour): PostgreSQL answers `HH:MM:SS`, so
 * without this an unchanged time would read as a change (`14:00` → `14:00:00`) in the audit trail.
 */
export class TimeOfDayType extends Type<string | null, string | null> {
  override convertToDatabaseValue(value: string | null): string | null {
    return value;
  }

  override convertToJSValue(value: string | null): string | null {
    return typeof value === 'string' ? value.slice(0, 5) : value;
  }

  override compareAsType(): string {
    return 'string';
  }

  override getColumnType(): string {
    return 'time';
  }
}
