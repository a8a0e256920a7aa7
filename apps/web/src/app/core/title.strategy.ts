import { inject, Injectable } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { type RouterStateSnapshot, TitleStrategy } from '@angular/router';
import { SessionService } from './session.service';
import { composePageTitle } from './page-title';
import { networkSlugOf } from './route-params';

/** Page titles read "Page – Network – Plexus" so that tabs and history say where you were. */
@Injectable({ providedIn: 'root' })
export class PlexusTitleStrategy extends TitleStrategy {
  readonly #title = inject(Title);
  readonly #session = inject(SessionService);

  override updateTitle(snapshot: RouterStateSnapshot): void {
    const slug = networkSlugOf(snapshot.root);
    const network = slug ? this.#session.membershipFor(slug)?.name : undefined;
    this.#title.setTitle(composePageTitle(this.buildTitle(snapshot), network));
  }
}
