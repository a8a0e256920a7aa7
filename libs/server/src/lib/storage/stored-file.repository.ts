import { Injectable } from '@nestjs/common';
import { RequestScopes } from '../tenancy/request-scope';
import { StoredFile } from './stored-file.entity';

/** Queries for the small files kept in the database (logos), in the current network. */
@Injectable()
export class StoredFileRepository {
  private get em() {
    return RequestScopes.em();
  }

  /** The file's description, without its bytes. */
  find(id: string): Promise<StoredFile | null> {
    return this.em.findOne(StoredFile, { id });
  }

  /** The file with its bytes. */
  withData(id: string): Promise<StoredFile | null> {
    return this.em.findOne(StoredFile, { id }, { populate: ['data'] });
  }
}
