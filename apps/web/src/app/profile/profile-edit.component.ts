import { httpResource } from '@angular/common/http';
import { afterNextRender, ChangeDetectionStrategy, Component, DOCUMENT, inject, Injector, input, linkedSignal, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { LOGO_MAX_BYTES, type NetworkProfileDto, type SessionMembership, updateNetworkProfileSchema } from '@plexus/contracts';
import { NETWORK_SPECIALTIES, ORGANISATION_TYPE_LABELS, ORGANISATION_TYPES, type OrganisationType } from '@plexus/domain';
import { toApiError } from '../core/api-error';
import { FlashService } from '../core/flash.service';
import { moveFocusTo } from '../core/focus';
import { type FieldErrors, fieldErrorsFromIssues, fieldId, serverFieldErrors } from '../core/form-errors';
import { controlValue } from '../ui/control-value';
import { FormErrors } from '../ui/form-errors';
import { FORM_ERROR_UI } from '../ui/form-ui';
import { LoadErrorComponent } from '../ui/load-error.component';
import { LoadingComponent } from '../ui/loading.component';
import { checkLogoFile, formatBytes } from './logo-file';
import { ProfileApi, logoUrl, profileUrl } from './profile.api';
import { draftFromProfile, newRowKey, type ProfileDraft, requestFromDraft } from './profile-draft';

type ListKey = 'coreFunctions' | 'leadershipRoles' | 'memberOrganisations';
type TextKey = 'name' | 'specialty' | 'region' | 'purpose' | 'vision' | 'riskPrefix';
type BrandingKey = keyof ProfileDraft['branding'];
type LogoState = NetworkProfileDto['branding']['logo'];

function isProfile(value: unknown): value is NetworkProfileDto {
  return typeof value === 'object' && value !== null && typeof (value as NetworkProfileDto).version === 'number' && 'branding' in value;
}

@Component({
  selector: 'plx-profile-edit',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, FORM_ERROR_UI, LoadErrorComponent, LoadingComponent],
  providers: [FormErrors],
  templateUrl: './profile-edit.component.html',
})
export class ProfileEditComponent {
  readonly network = input.required<string>();
  readonly membership = input.required<SessionMembership>();

  readonly #api = inject(ProfileApi);
  readonly #router = inject(Router);
  readonly #flash = inject(FlashService);
  readonly #injector = inject(Injector);
  readonly #document = inject(DOCUMENT);

  protected readonly profile = httpResource<NetworkProfileDto>(() => profileUrl(this.network()));
  /** The form; starts again from the server's profile whenever that is (re)loaded. */
  protected readonly draft = linkedSignal<ProfileDraft | null>(() => (this.profile.hasValue() ? draftFromProfile(this.profile.value()) : null));
  /** The version the form was loaded from, sent back so that the API can detect a colleague's edit. */
  protected readonly version = linkedSignal<number | null>(() => (this.profile.hasValue() ? this.profile.value().version : null));
  protected readonly logo = linkedSignal<LogoState>(() => (this.profile.hasValue() ? this.profile.value().branding.logo : null));

  /** The form's messages and, under `logo`, the logo's (which is saved on its own). */
  protected readonly errors = inject(FormErrors);
  protected readonly saving = signal(false);
  protected readonly conflict = signal(false);

  protected readonly chosenLogo = signal<File | null>(null);
  protected readonly logoBusy = signal(false);
  protected readonly logoStatus = signal('');

  protected readonly specialties = NETWORK_SPECIALTIES;
  protected readonly organisationTypes = ORGANISATION_TYPES;
  protected readonly typeLabels = ORGANISATION_TYPE_LABELS;
  protected readonly logoLimit = formatBytes(LOGO_MAX_BYTES);
  protected readonly fieldId = fieldId;

  // ---- template helpers -------------------------------------------------------------------------

  protected readonly value = controlValue;

  protected logoSrc(): string {
    return logoUrl(this.network(), this.logo()?.updatedAt);
  }

  // ---- editing ----------------------------------------------------------------------------------

  protected setText(key: TextKey, value: string): void {
    this.draft.update((draft) => draft && { ...draft, [key]: value });
  }

  protected setBranding(key: BrandingKey, value: string): void {
    this.draft.update((draft) => draft && { ...draft, branding: { ...draft.branding, [key]: value } });
  }

  protected setCoreFunction(index: number, text: string): void {
    this.updateList('coreFunctions', (rows) => rows.map((row, i) => (i === index ? { ...row, text } : row)));
  }

  protected setLeadershipRole(index: number, patch: { title?: string; personName?: string }): void {
    this.updateList('leadershipRoles', (rows) => rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  }

  protected setOrganisation(index: number, patch: { name?: string; type?: OrganisationType | '' }): void {
    this.updateList('memberOrganisations', (rows) => rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  }

  protected setOrganisationType(index: number, event: Event): void {
    const type = this.value(event);
    this.setOrganisation(index, { type: (ORGANISATION_TYPES as readonly string[]).includes(type) ? (type as OrganisationType) : '' });
  }

  protected addCoreFunction(): void {
    this.addRow('coreFunctions', { key: newRowKey(), text: '' }, 'text');
  }

  protected addLeadershipRole(): void {
    this.addRow('leadershipRoles', { key: newRowKey(), title: '', personName: '' }, 'title');
  }

  protected addOrganisation(): void {
    this.addRow('memberOrganisations', { key: newRowKey(), name: '', type: '' }, 'name');
  }

  protected removeRow(list: ListKey, index: number): void {
    this.updateList(list, (rows) => rows.filter((_, i) => i !== index) as typeof rows);
    this.errors.removeRow(list, index);
    // Focus would otherwise be lost with the removed button: go to the list's "Add" button.
    afterNextRender(() => moveFocusTo(this.#document.getElementById(`${list}-add`)), { injector: this.#injector });
  }

  private updateList<K extends ListKey>(key: K, change: (rows: ProfileDraft[K]) => ProfileDraft[K]): void {
    this.draft.update((draft) => draft && { ...draft, [key]: change(draft[key]) });
  }

  private addRow<K extends ListKey>(key: K, row: ProfileDraft[K][number], firstField: string): void {
    const index = this.draft()?.[key].length ?? 0;
    this.updateList(key, (rows) => [...rows, row] as ProfileDraft[K]);
    const id = key === 'coreFunctions' ? fieldId(`${key}.${index}`) : fieldId(`${key}.${index}.${firstField}`);
    afterNextRender(() => moveFocusTo(this.#document.getElementById(id)), { injector: this.#injector });
  }

  // ---- saving -----------------------------------------------------------------------------------

  protected save(event: Event): void {
    event.preventDefault();
    const draft = this.draft();
    const version = this.version();
    if (!draft || version == null || this.saving()) return;
    const parsed = updateNetworkProfileSchema.safeParse(requestFromDraft(draft, version));
    if (!parsed.success) {
      this.failForm(fieldErrorsFromIssues(parsed.error.issues));
      return;
    }
    this.saving.set(true);
    this.conflict.set(false);
    this.#api.update(this.network(), parsed.data).subscribe({
      next: () => {
        this.saving.set(false);
        this.#flash.set('The network profile has been saved.');
        void this.#router.navigate(['/n', this.network(), 'profile']);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        const apiError = toApiError(error);
        if (apiError.statusCode === 409) {
          this.errors.set(this.logoErrors());
          this.conflict.set(true);
          afterNextRender(() => moveFocusTo(this.#document.getElementById('conflict')), { injector: this.#injector });
          return;
        }
        this.failForm(serverFieldErrors(apiError));
      },
    });
  }

  protected reloadLatest(): void {
    this.conflict.set(false);
    this.errors.clear();
    this.profile.reload();
  }

  /** The form's messages replace the form's, and the logo's message stays. */
  private failForm(errors: FieldErrors): void {
    this.errors.fail({ ...errors, ...this.logoErrors() });
  }

  private logoErrors(): FieldErrors {
    const message = this.errors.message('logo');
    return message ? { logo: message } : {};
  }

  // ---- logo -------------------------------------------------------------------------------------

  protected chooseLogo(event: Event): void {
    const file = (event.target as HTMLInputElement).files?.[0] ?? null;
    this.logoStatus.set('');
    const problem = file ? checkLogoFile(file) : null;
    this.chosenLogo.set(problem ? null : file);
    this.errors.setField('logo', problem);
  }

  protected uploadLogo(): void {
    if (this.logoBusy()) return;
    const file = this.chosenLogo();
    const problem = checkLogoFile(file);
    if (problem || !file) {
      this.failLogo(problem ?? 'Choose a PNG or JPEG file for the logo');
      return;
    }
    this.logoBusy.set(true);
    this.#api.uploadLogo(this.network(), file).subscribe({
      next: (answer) => {
        this.logoBusy.set(false);
        this.chosenLogo.set(null);
        this.errors.setField('logo', null);
        this.adoptLogoAnswer(answer, { contentType: file.type, size: file.size, updatedAt: new Date().toISOString() });
        const input = this.#document.getElementById('logo') as HTMLInputElement | null;
        if (input) input.value = '';
        this.logoStatus.set('The logo has been uploaded.');
      },
      error: (error: unknown) => {
        this.logoBusy.set(false);
        // The API names the upload's part `file`; here it is the logo field.
        const { logo } = serverFieldErrors(error, { rename: { file: 'logo' }, only: ['logo'], unplaced: 'logo' });
        this.failLogo(logo ?? toApiError(error).message);
      },
    });
  }

  protected removeLogo(): void {
    if (this.logoBusy()) return;
    this.logoBusy.set(true);
    this.#api.removeLogo(this.network()).subscribe({
      next: (answer) => {
        this.logoBusy.set(false);
        this.errors.setField('logo', null);
        this.adoptLogoAnswer(answer, null);
        this.logoStatus.set('The logo has been removed.');
        afterNextRender(() => moveFocusTo(this.#document.getElementById('logo')), { injector: this.#injector });
      },
      error: (error: unknown) => {
        this.logoBusy.set(false);
        this.failLogo(toApiError(error).message);
      },
    });
  }

  /**
   * The logo is saved on its own. If the API answers with the profile and its version moved on by
   * exactly this change, the form keeps working from that version; any other jump is a colleague's
   * edit, left for the save to report as a conflict.
   */
  private adoptLogoAnswer(answer: unknown, fallback: LogoState): void {
    if (isProfile(answer)) {
      this.logo.set(answer.branding.logo);
      const version = this.version();
      if (version != null && answer.version === version + 1) this.version.set(answer.version);
    } else {
      this.logo.set(fallback);
    }
  }

  private failLogo(message: string): void {
    this.errors.failField('logo', message);
  }
}
