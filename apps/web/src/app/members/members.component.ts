import { httpResource } from '@angular/common/http';
import { afterNextRender, ChangeDetectionStrategy, Component, computed, DOCUMENT, inject, Injector, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import {
  type CreatedInviteDto,
  createInviteSchema,
  type InviteDto,
  type MemberDto,
  type NetworkProfileDto,
  type SessionMembership,
  updateMemberSchema,
} from '@plexus/contracts';
import { isMembershipRole, MEMBERSHIP_ROLES, type MembershipRole, ROLE_DESCRIPTIONS, ROLE_LABELS, roleNeedsOrganisation } from '@plexus/domain';
import { toApiError } from '../core/api-error';
import { formatDate } from '../core/dates';
import { moveFocusTo } from '../core/focus';
import { fieldErrorsFromIssues, fieldId, prefixFieldErrors } from '../core/form-errors';
import { SessionService } from '../core/session.service';
import { profileUrl } from '../profile/profile.api';
import { controlValue } from '../ui/control-value';
import { FormErrors } from '../ui/form-errors';
import { FORM_ERROR_UI } from '../ui/form-ui';
import { LoadErrorComponent } from '../ui/load-error.component';
import { LoadingComponent } from '../ui/loading.component';
import { OneTimeLinkComponent } from '../ui/one-time-link.component';
import { SuccessBannerComponent } from '../ui/success-banner.component';
import { invitesUrl, MembersApi, membersUrl } from './members.api';

interface MemberEdit {
  memberId: string;
  role: MembershipRole;
  organisationId: string;
}

interface InviteForm {
  displayName: string;
  email: string;
  role: MembershipRole | '';
  organisationId: string;
}

const EMPTY_INVITE: InviteForm = { displayName: '', email: '', role: '', organisationId: '' };

const INVITE_STATUS: Record<InviteDto['status'], { label: string; tag: string }> = {
  pending: { label: 'Waiting', tag: 'nhsuk-tag--blue' },
  accepted: { label: 'Accepted', tag: 'nhsuk-tag--green' },
  expired: { label: 'Expired', tag: 'nhsuk-tag--grey' },
  revoked: { label: 'Revoked', tag: 'nhsuk-tag--red' },
};

/** A contributor acts for one member organisation: the schemas allow null, the rule does not. */
function organisationRule(role: MembershipRole | '', organisationId: string): string | null {
  return isMembershipRole(role) && roleNeedsOrganisation(role) && !organisationId ? 'Choose the organisation this contributor works for' : null;
}

@Component({
  selector: 'plx-members',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, FORM_ERROR_UI, LoadErrorComponent, LoadingComponent, OneTimeLinkComponent, SuccessBannerComponent],
  providers: [FormErrors],
  templateUrl: './members.component.html',
})
export class MembersComponent {
  readonly network = input.required<string>();
  readonly membership = input.required<SessionMembership>();

  readonly #api = inject(MembersApi);
  readonly #session = inject(SessionService);
  readonly #injector = inject(Injector);
  readonly #document = inject(DOCUMENT);

  protected readonly members = httpResource<MemberDto[]>(() => membersUrl(this.network()));
  protected readonly invites = httpResource<InviteDto[]>(() => invitesUrl(this.network()));
  protected readonly profile = httpResource<NetworkProfileDto>(() => profileUrl(this.network()));
  protected readonly organisations = computed(() => (this.profile.hasValue() ? this.profile.value().memberOrganisations : []));

  protected readonly roles = MEMBERSHIP_ROLES;
  protected readonly roleLabels = ROLE_LABELS;
  protected readonly roleDescriptions = ROLE_DESCRIPTIONS;
  protected readonly inviteStatus = INVITE_STATUS;
  protected readonly formatDate = formatDate;
  protected readonly fieldId = fieldId;
  protected readonly userId = computed(() => this.#session.user()?.id ?? null);

  protected readonly banner = signal<string | null>(null);
  protected readonly errors = inject(FormErrors);
  protected readonly busy = signal(false);

  protected readonly editing = signal<MemberEdit | null>(null);
  protected readonly removing = signal<MemberDto | null>(null);

  protected readonly invite = signal<InviteForm>(EMPTY_INVITE);
  protected readonly created = signal<CreatedInviteDto | null>(null);

  // ---- helpers ----------------------------------------------------------------------------------

  protected readonly value = controlValue;

  private focusById(id: string): void {
    afterNextRender(() => moveFocusTo(this.#document.getElementById(id)), { injector: this.#injector });
  }

  private succeed(message: string): void {
    this.errors.set({});
    this.banner.set(null);
    // A fresh banner each time, so that it is announced and focused again.
    afterNextRender(() => this.banner.set(message), { injector: this.#injector });
  }

  // ---- changing a member's role -----------------------------------------------------------------

  protected startEdit(member: MemberDto): void {
    this.removing.set(null);
    this.errors.set({});
    this.editing.set({ memberId: member.id, role: member.role, organisationId: member.organisationId ?? '' });
    this.focusById('edit-role');
  }

  protected setEdit(patch: Partial<Pick<MemberEdit, 'role' | 'organisationId'>>): void {
    this.editing.update((edit) => edit && { ...edit, ...patch });
  }

  protected setEditRole(event: Event): void {
    const role = this.value(event);
    if (isMembershipRole(role)) this.setEdit({ role });
  }

  protected cancelEdit(memberId: string): void {
    this.editing.set(null);
    this.errors.set({});
    this.focusById(`change-${memberId}`);
  }

  protected saveEdit(event: Event, member: MemberDto): void {
    event.preventDefault();
    const edit = this.editing();
    if (!edit || this.busy()) return;
    const parsed = updateMemberSchema.safeParse({ role: edit.role, organisationId: edit.organisationId || null });
    const rule = organisationRule(edit.role, edit.organisationId);
    if (!parsed.success || rule) {
      const errors = parsed.success ? {} : fieldErrorsFromIssues(parsed.error.issues);
      this.errors.fail(prefixFieldErrors(rule ? { ...errors, organisationId: rule } : errors, 'edit'));
      return;
    }
    this.busy.set(true);
    this.#api.updateMember(this.network(), member.id, parsed.data).subscribe({
      next: () => {
        this.busy.set(false);
        this.editing.set(null);
        this.members.reload();
        this.succeed(`${member.displayName}’s role is now: ${ROLE_LABELS[parsed.data.role]}.`);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.errors.failFromServer(error, { prefix: 'edit' });
      },
    });
  }

  // ---- removing a member ------------------------------------------------------------------------

  protected startRemove(member: MemberDto): void {
    this.editing.set(null);
    this.errors.set({});
    this.removing.set(member);
    this.focusById('remove-confirm-heading');
  }

  protected cancelRemove(memberId: string): void {
    this.removing.set(null);
    this.focusById(`remove-${memberId}`);
  }

  protected confirmRemove(member: MemberDto): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.#api.removeMember(this.network(), member.id).subscribe({
      next: () => {
        this.busy.set(false);
        this.removing.set(null);
        this.members.reload();
        this.succeed(`${member.displayName} has been removed from the network.`);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.errors.failWith(toApiError(error).message);
      },
    });
  }

  // ---- invites ----------------------------------------------------------------------------------

  protected setInvite(patch: Partial<InviteForm>): void {
    this.invite.update((form) => ({ ...form, ...patch }));
  }

  protected setInviteRole(event: Event): void {
    const role = this.value(event);
    this.setInvite({ role: isMembershipRole(role) ? role : '' });
  }

  protected sendInvite(event: Event): void {
    event.preventDefault();
    if (this.busy()) return;
    const form = this.invite();
    const parsed = createInviteSchema.safeParse({
      email: form.email.trim(),
      displayName: form.displayName,
      role: form.role || undefined,
      organisationId: form.organisationId || null,
    });
    const rule = organisationRule(form.role, form.organisationId);
    if (!parsed.success || rule) {
      const errors = parsed.success ? {} : fieldErrorsFromIssues(parsed.error.issues);
      this.errors.fail(prefixFieldErrors(rule ? { ...errors, organisationId: rule } : errors, 'invite'));
      return;
    }
    this.busy.set(true);
    this.#api.createInvite(this.network(), parsed.data).subscribe({
      next: (created) => {
        this.busy.set(false);
        this.errors.set({});
        this.banner.set(null);
        this.invite.set(EMPTY_INVITE);
        this.created.set(created);
        this.invites.reload();
        this.focusById('created-invite-heading');
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.errors.failFromServer(error, { prefix: 'invite' });
      },
    });
  }

  protected revoke(invite: InviteDto): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.#api.revokeInvite(this.network(), invite.id).subscribe({
      next: () => {
        this.busy.set(false);
        if (this.created()?.id === invite.id) this.created.set(null);
        this.invites.reload();
        this.succeed(`The invite for ${invite.displayName} has been revoked. The link no longer works.`);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.errors.failWith(toApiError(error).message);
      },
    });
  }

  protected organisationName(id: string | null): string | null {
    return id ? (this.organisations().find((org) => org.id === id)?.name ?? null) : null;
  }
}
