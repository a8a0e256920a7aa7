import { HttpClient, httpResource } from '@angular/common/http';
import { afterNextRender, ChangeDetectionStrategy, Component, DOCUMENT, inject, Injector, signal } from '@angular/core';
import { type AdminNetworkDto, type CreatedNetworkDto, createNetworkSchema } from '@plexus/contracts';
import { NETWORK_SPECIALTIES, SLUG_MAX_LENGTH, slugify } from '@plexus/domain';
import { formatDate } from '../core/dates';
import { moveFocusTo } from '../core/focus';
import { fieldErrorsFromIssues } from '../core/form-errors';
import { controlValue } from '../ui/control-value';
import { FormErrors } from '../ui/form-errors';
import { FORM_ERROR_UI } from '../ui/form-ui';
import { LoadErrorComponent } from '../ui/load-error.component';
import { LoadingComponent } from '../ui/loading.component';
import { OneTimeLinkComponent } from '../ui/one-time-link.component';

interface NetworkForm {
  name: string;
  slug: string;
  specialty: string;
  region: string;
  managerName: string;
  managerEmail: string;
}

const EMPTY_FORM: NetworkForm = { name: '', slug: '', specialty: '', region: '', managerName: '', managerEmail: '' };
const ADMIN_NETWORKS_URL = '/api/admin/networks';

@Component({
  selector: 'plx-admin-networks',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FORM_ERROR_UI, LoadErrorComponent, LoadingComponent, OneTimeLinkComponent],
  providers: [FormErrors],
  templateUrl: './admin-networks.component.html',
})
export class AdminNetworksComponent {
  readonly #http = inject(HttpClient);
  readonly #injector = inject(Injector);
  readonly #document = inject(DOCUMENT);

  protected readonly networks = httpResource<AdminNetworkDto[]>(() => ADMIN_NETWORKS_URL);

  protected readonly form = signal<NetworkForm>(EMPTY_FORM);
  /** Until the operator types an address, it follows the name. */
  protected readonly slugEdited = signal(false);
  protected readonly errors = inject(FormErrors);
  protected readonly submitting = signal(false);
  protected readonly created = signal<CreatedNetworkDto | null>(null);

  protected readonly specialties = NETWORK_SPECIALTIES;
  protected readonly slugMax = SLUG_MAX_LENGTH;
  protected readonly formatDate = formatDate;

  protected readonly value = controlValue;

  protected set(patch: Partial<NetworkForm>): void {
    this.form.update((form) => ({ ...form, ...patch }));
  }

  protected setName(name: string): void {
    this.set(this.slugEdited() ? { name } : { name, slug: slugify(name) });
  }

  protected setSlug(slug: string): void {
    this.slugEdited.set(slug !== '');
    this.set({ slug });
  }

  protected create(event: Event): void {
    event.preventDefault();
    if (this.submitting()) return;
    const form = this.form();
    const parsed = createNetworkSchema.safeParse({ ...form, managerEmail: form.managerEmail.trim() });
    if (!parsed.success) {
      this.errors.fail(fieldErrorsFromIssues(parsed.error.issues));
      return;
    }
    this.submitting.set(true);
    this.#http.post<CreatedNetworkDto>(ADMIN_NETWORKS_URL, parsed.data).subscribe({
      next: (created) => {
        this.submitting.set(false);
        this.errors.clear();
        this.form.set(EMPTY_FORM);
        this.slugEdited.set(false);
        this.created.set(created);
        this.networks.reload();
        afterNextRender(() => moveFocusTo(this.#document.getElementById('created-network-heading')), { injector: this.#injector });
      },
      error: (error: unknown) => {
        this.submitting.set(false);
        this.errors.failFromServer(error);
      },
    });
  }
}
