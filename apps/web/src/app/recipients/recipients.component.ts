import { httpResource } from '@angular/common/http';
import { afterNextRender, ChangeDetectionStrategy, Component, computed, DOCUMENT, inject, Injector, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import {
  type CreatedInviteDto,
  type DistributionListDto,
  distributionListInputSchema,
  type NetworkProfileDto,
  type RecipientDto,
  recipientInputSchema,
  type SessionMembership,
} from '@plexus/contracts';
import { toApiError } from '../core/api-error';
import { formatDate } from '../core/dates';
import { moveFocusTo } from '../core/focus';
import { fieldErrorsFromIssues, prefixFieldErrors } from '../core/form-errors';
import { profileUrl } from '../profile/profile.api';
import { controlChecked, controlValue } from '../ui/control-value';
import { FormErrors } from '../ui/form-errors';
import { FORM_ERROR_UI } from '../ui/form-ui';
import { LoadErrorComponent } from '../ui/load-error.component';
import { LoadingComponent } from '../ui/loading.component';
import { OneTimeLinkComponent } from '../ui/one-time-link.component';
import { SuccessBannerComponent } from '../ui/success-banner.component';
import { MembersApi } from '../members/members.api';
import { distributionListsUrl, RecipientsApi, recipientsUrl } from './recipients.api';

/** The recipient form: `organisationId` is '' for "not a member organisation" (then `organisationName` is typed). */
export interface RecipientForm {
  id: string | null;
  name: string;
  email: string;
  organisationId: string;
  organisationName: string;
  role: string;
}

export interface ListForm {
  id: string | null;
  name: string;
  description: string;
  recipientIds: string[];
}

const EMPTY_RECIPIENT: RecipientForm = { id: null, name: '', email: '', organisationId: '', organisationName: '', role: '' };
const EMPTY_LIST: ListForm = { id: null, name: '', description: '', recipientIds: [] };

/**
 * The network's recipients of reports (people with no account: commissioners at the ICB, NHS England…) and its
 * distribution lists, for managers. One form at a time opens under its section; errors show beside each field.
 * A recipient can also be invited to sign in as a commissioner (read-only access to the network's reports).
 */
@Component({
  selector: 'plx-recipients',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, FORM_ERROR_UI, LoadErrorComponent, LoadingComponent, OneTimeLinkComponent, SuccessBannerComponent],
  providers: [FormErrors],
  templateUrl: './recipients.component.html',
})
export class RecipientsComponent {
  readonly network = input.required<string>();
  readonly membership = input.required<SessionMembership>();

  readonly #api = inject(RecipientsApi);
  readonly #members = inject(MembersApi);
  readonly #injector = inject(Injector);
  readonly #document = inject(DOCUMENT);

  protected readonly recipients = httpResource<RecipientDto[]>(() => recipientsUrl(this.network()));
  protected readonly lists = httpResource<DistributionListDto[]>(() => distributionListsUrl(this.network()));
  protected readonly profile = httpResource<NetworkProfileDto>(() => profileUrl(this.network()));
  protected readonly organisations = computed(() => (this.profile.hasValue() ? this.profile.value().memberOrganisations : []));
  protected readonly allRecipients = computed(() => (this.recipients.hasValue() ? this.recipients.value() : []));

  protected readonly errors = inject(FormErrors);
  protected readonly banner = signal<string | null>(null);
  protected readonly busy = signal(false);
  /** The recipient form, open when not null. */
  protected readonly recipientForm = signal<RecipientForm | null>(null);
  protected readonly listForm = signal<ListForm | null>(null);
  /** What is waiting for "Yes, delete". */
  protected readonly removing = signal<{ kind: 'recipient' | 'list'; id: string; name: string } | null>(null);

  /** The recipient waiting for "Send invite" (as a commissioner). */
  protected readonly inviting = signal<RecipientDto | null>(null);
  /** The invite just made, with its one-time link. */
  protected readonly invited = signal<CreatedInviteDto | null>(null);

  protected readonly value = controlValue;
  protected readonly formatDate = formatDate;
  protected readonly checked = controlChecked;

  protected listNames(recipient: RecipientDto): string {
    const lists = this.lists.hasValue() ? this.lists.value() : [];
    return recipient.listIds
      .map((id) => lists.find((l) => l.id === id)?.name)
      .filter(Boolean)
      .join(', ');
  }

  private focusById(id: string): void {
    afterNextRender(() => moveFocusTo(this.#document.getElementById(id)), { injector: this.#injector });
  }

  private succeed(message: string): void {
    this.errors.set({});
    this.banner.set(null);
    afterNextRender(() => this.banner.set(message), { injector: this.#injector });
  }

  private closeAll(): void {
    this.recipientForm.set(null);
    this.listForm.set(null);
    this.removing.set(null);
    this.inviting.set(null);
    this.errors.set({});
  }

  // ---- recipients -------------------------------------------------------------------------------

  protected startRecipient(recipient?: RecipientDto): void {
    this.closeAll();
    this.recipientForm.set(
      recipient
        ? {
            id: recipient.id,
            name: recipient.name,
            email: recipient.email,
            organisationId: recipient.organisationId ?? '',
            organisationName: recipient.organisationId ? '' : recipient.organisationName,
            role: recipient.role,
          }
        : EMPTY_RECIPIENT,
    );
    this.focusById('recipient-name');
  }

  protected setRecipient(patch: Partial<RecipientForm>): void {
    this.recipientForm.update((form) => form && { ...form, ...patch });
  }

  protected cancelRecipient(): void {
    const id = this.recipientForm()?.id;
    this.closeAll();
    this.focusById(id ? `change-${id}` : 'add-recipient');
  }

  protected saveRecipient(event: Event): void {
    event.preventDefault();
    const form = this.recipientForm();
    if (!form || this.busy()) return;
    const parsed = recipientInputSchema.safeParse({
      name: form.name,
      email: form.email.trim(),
      organisationId: form.organisationId || null,
      organisationName: form.organisationId ? '' : form.organisationName,
      role: form.role,
    });
    if (!parsed.success) {
      this.errors.fail(prefixFieldErrors(fieldErrorsFromIssues(parsed.error.issues), 'recipient'));
      return;
    }
    this.busy.set(true);
    this.#api.saveRecipient(this.network(), form.id, parsed.data).subscribe({
      next: (saved) => {
        this.busy.set(false);
        this.recipientForm.set(null);
        this.recipients.reload();
        this.lists.reload();
        this.succeed(form.id ? `${saved.name} has been changed.` : `${saved.name} has been added to the recipients.`);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.errors.failFromServer(error, { prefix: 'recipient' });
      },
    });
  }

  // ---- inviting a recipient as a commissioner ---------------------------------------------------

  protected startInvite(recipient: RecipientDto): void {
    this.closeAll();
    this.inviting.set(recipient);
    this.focusById('invite-confirm-heading');
  }

  protected cancelInvite(): void {
    const recipient = this.inviting();
    this.inviting.set(null);
    this.errors.set({});
    if (recipient) this.focusById(`invite-${recipient.id}`);
  }

  /** An invite to the network with the commissioner role, for the recipient's email (the members page lists it). */
  protected confirmInvite(): void {
    const recipient = this.inviting();
    if (!recipient || this.busy()) return;
    this.busy.set(true);
    this.#members
      .createInvite(this.network(), { email: recipient.email, displayName: recipient.name, role: 'commissioner', organisationId: null })
      .subscribe({
        next: (created) => {
          this.busy.set(false);
          this.inviting.set(null);
          this.errors.set({});
          this.banner.set(null);
          this.invited.set(created);
          this.focusById('invited-heading');
        },
        error: (error: unknown) => {
          this.busy.set(false);
          const apiError = toApiError(error);
          // "… is already a member of this network" names the email, which this panel shows rather than edits.
          this.errors.failWith(apiError.fields?.[0]?.message ?? apiError.message);
        },
      });
  }

  // ---- distribution lists -----------------------------------------------------------------------

  protected startList(list?: DistributionListDto): void {
    this.closeAll();
    this.listForm.set(
      list ? { id: list.id, name: list.name, description: list.description, recipientIds: list.recipients.map((r) => r.id) } : EMPTY_LIST,
    );
    this.focusById('list-name');
  }

  protected setList(patch: Partial<ListForm>): void {
    this.listForm.update((form) => form && { ...form, ...patch });
  }

  protected toggleInList(recipientId: string, event: Event): void {
    const on = this.checked(event);
    this.listForm.update(
      (form) =>
        form && {
          ...form,
          recipientIds: on
            ? [...form.recipientIds.filter((id) => id !== recipientId), recipientId]
            : form.recipientIds.filter((id) => id !== recipientId),
        },
    );
  }

  protected cancelList(): void {
    const id = this.listForm()?.id;
    this.closeAll();
    this.focusById(id ? `change-list-${id}` : 'add-list');
  }

  protected saveList(event: Event): void {
    event.preventDefault();
    const form = this.listForm();
    if (!form || this.busy()) return;
    const parsed = distributionListInputSchema.safeParse({ name: form.name, description: form.description, recipientIds: form.recipientIds });
    if (!parsed.success) {
      this.errors.fail(prefixFieldErrors(fieldErrorsFromIssues(parsed.error.issues), 'list'));
      return;
    }
    this.busy.set(true);
    this.#api.saveList(this.network(), form.id, parsed.data).subscribe({
      next: (saved) => {
        this.busy.set(false);
        this.listForm.set(null);
        this.lists.reload();
        this.recipients.reload();
        this.succeed(form.id ? `The list ${saved.name} has been changed.` : `The list ${saved.name} has been made.`);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.errors.failFromServer(error, { prefix: 'list' });
      },
    });
  }

  // ---- deleting ---------------------------------------------------------------------------------

  protected startRemove(kind: 'recipient' | 'list', id: string, name: string): void {
    this.closeAll();
    this.removing.set({ kind, id, name });
    this.focusById('remove-confirm-heading');
  }

  protected cancelRemove(): void {
    const target = this.removing();
    this.removing.set(null);
    if (target) this.focusById(target.kind === 'list' ? `remove-list-${target.id}` : `remove-${target.id}`);
  }

  protected confirmRemove(): void {
    const target = this.removing();
    if (!target || this.busy()) return;
    this.busy.set(true);
    const call = target.kind === 'list' ? this.#api.removeList(this.network(), target.id) : this.#api.removeRecipient(this.network(), target.id);
    call.subscribe({
      next: () => {
        this.busy.set(false);
        this.removing.set(null);
        this.recipients.reload();
        this.lists.reload();
        this.succeed(
          target.kind === 'list'
            ? `The list ${target.name} has been deleted.`
            : `${target.name} has been deleted from the recipients and every list.`,
        );
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.errors.failWith(toApiError(error).message);
      },
    });
  }
}
