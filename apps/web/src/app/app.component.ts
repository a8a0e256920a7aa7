import { afterNextRender, ChangeDetectionStrategy, Component, DestroyRef, DOCUMENT, inject, Injector } from '@angular/core';
import { NavigationEnd, Router, RouterOutlet } from '@angular/router';
import { filter } from 'rxjs';
import { moveFocusTo } from './core/focus';
import { HeaderComponent } from './shell/header.component';

@Component({
  selector: 'plx-root',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterOutlet, HeaderComponent],
  template: `
    <a class="nhsuk-skip-link" href="#maincontent" (click)="skipToContent($event)">Skip to main content</a>
    <plx-header />
    <div class="nhsuk-width-container">
      <main class="nhsuk-main-wrapper" id="maincontent" tabindex="-1">
        <router-outlet />
      </main>
    </div>
    <footer class="nhsuk-footer" role="contentinfo">
      <div class="nhsuk-width-container">
        <div class="nhsuk-footer__meta">
          <p class="nhsuk-body-s nhsuk-u-margin-bottom-0">Plexus – plans, risks and board reports for clinical networks</p>
        </div>
      </div>
    </footer>
  `,
})
export class AppComponent {
  readonly #document = inject(DOCUMENT);

  constructor() {
    const router = inject(Router);
    const injector = inject(Injector);
    let previousPath: string | null = null;
    const subscription = router.events.pipe(filter((event): event is NavigationEnd => event instanceof NavigationEnd)).subscribe((event) => {
      const path = event.urlAfterRedirects.split(/[?#]/, 1)[0];
      const isFirst = previousPath === null;
      const pathChanged = path !== previousPath;
      previousPath = path;
      // On a new page (not the first load, not a filter change) focus goes to its heading, so
      // that screen readers announce it and keyboard users start from the top of the content.
      if (isFirst || !pathChanged) return;
      afterNextRender(() => this.focusPage(), { injector });
    });
    inject(DestroyRef).onDestroy(() => subscription.unsubscribe());
  }

  private focusPage(): void {
    const main = this.#document.getElementById('maincontent');
    if (!main) return;
    const active = this.#document.activeElement;
    // Something on the page (an error summary, a banner) has already taken focus.
    if (active && active !== this.#document.body && main.contains(active) && active !== main) return;
    moveFocusTo(main.querySelector<HTMLElement>('h1') ?? main);
  }

  /** `href="#maincontent"` would resolve against `<base href="/">`; move focus in the page instead. */
  protected skipToContent(event: Event): void {
    event.preventDefault();
    moveFocusTo(this.#document.getElementById('maincontent'));
  }
}
