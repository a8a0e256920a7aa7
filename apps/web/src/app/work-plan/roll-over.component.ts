import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { rollOverWorkPlanSchema, type RollOverPreviewDto, type SessionMembership } from '@plexus/contracts';
import { FlashService } from '../core/flash.service';
import { fieldErrorsFromIssues } from '../core/form-errors';
import { FormErrors } from '../ui/form-errors';
import { FORM_ERROR_UI } from '../ui/form-ui';
import { LoadErrorComponent } from '../ui/load-error.component';
import { LoadingComponent } from '../ui/loading.component';
import { longDate, periodText, statusLabel } from './work-plan-format';
import { planUrl, WorkPlanApi } from './work-plan.api';

/**
 * The year-end roll-over wizard: next period's plan from this approved one. It shows what would carry forward (every
 * item not complete, ticked) and what stays, lets the manager untick items and change the title and period, then
 * starts the new plan as a draft and opens it.
 */
@Component({
  selector: 'plx-roll-over',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, FORM_ERROR_UI, LoadErrorComponent, LoadingComponent],
  providers: [FormErrors],
  templateUrl: './roll-over.component.html',
  styles: `
    .plx-roll-over-theme {
      margin-top: 24px;
    }
    .plx-roll-over-stays {
      color: #4c6272;
    }
  `,
})
export class RollOverComponent {
  readonly network = input.required<string>();
  readonly membership = input.required<SessionMembership>();
  readonly planId = input.required<string>();

  readonly #api = inject(WorkPlanApi);
  readonly #router = inject(Router);
  readonly #flash = inject(FlashService);

  protected readonly preview = httpResource<RollOverPreviewDto>(() => `${planUrl(this.network(), this.planId())}/roll-over`);
  protected readonly errors = inject(FormErrors);
  protected readonly busy = signal(false);

  protected readonly title = linkedSignal(() => (this.preview.hasValue() ? this.preview.value().proposed.title : ''));
  protected readonly periodStart = linkedSignal(() => (this.preview.hasValue() ? this.preview.value().proposed.periodStart : ''));
  protected readonly periodEnd = linkedSignal(() => (this.preview.hasValue() ? this.preview.value().proposed.periodEnd : ''));
  /** The items ticked to carry forward (the open ones, to start with). */
  protected readonly chosen = linkedSignal(
    () =>
      new Set(this.preview.hasValue() ? this.preview.value().themes.flatMap((t) => t.items.filter((i) => i.carryByDefault).map((i) => i.id)) : []),
  );
  protected readonly open = computed(() =>
    this.preview.hasValue() ? this.preview.value().themes.flatMap((t) => t.items.filter((i) => i.carryByDefault)) : [],
  );
  protected readonly stays = computed(() =>
    this.preview.hasValue() ? this.preview.value().themes.flatMap((t) => t.items).length - this.open().length : 0,
  );
  protected readonly summary = computed(() => {
    const carried = this.chosen().size;
    const left = this.open().length - carried;
    const items = (n: number) => `${n} ${n === 1 ? 'item' : 'items'}`;
    return `${items(carried)} will carry forward${left ? `; ${items(left)} not complete will stay in this plan` : ''}${this.stays() ? `; ${items(this.stays())} complete stay${this.stays() === 1 ? 's' : ''} in this plan` : ''}.`;
  });

  protected readonly longDate = longDate;
  protected readonly periodText = periodText;
  protected readonly statusLabel = statusLabel;

  protected set(which: 'title' | 'periodStart' | 'periodEnd', event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    ({ title: this.title, periodStart: this.periodStart, periodEnd: this.periodEnd })[which].set(value);
  }

  protected toggle(id: string, event: Event): void {
    const checked = (event.target as HTMLInputElement).checked;
    this.chosen.update((set) => {
      const next = new Set(set);
      if (checked) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  protected chooseAll(all: boolean): void {
    this.chosen.set(new Set(all ? this.open().map((i) => i.id) : []));
  }

  protected submit(event: Event): void {
    event.preventDefault();
    if (this.busy() || !this.preview.hasValue()) return;
    const body = {
      title: this.title().trim(),
      periodStart: this.periodStart(),
      periodEnd: this.periodEnd(),
      // In the plan's order.
      itemIds: this.open()
        .map((i) => i.id)
        .filter((id) => this.chosen().has(id)),
    };
    const checked = rollOverWorkPlanSchema.safeParse(body);
    if (!checked.success) {
      this.errors.fail(fieldErrorsFromIssues(checked.error.issues));
      return;
    }
    this.busy.set(true);
    this.#api.rollOver(this.network(), this.planId(), body).subscribe({
      next: (result) => {
        this.busy.set(false);
        const flagged = result.flagged
          ? ` ${result.flagged} carried ${result.flagged === 1 ? 'item has a target' : 'items have targets'} before the new period: they are flagged for a new target.`
          : '';
        this.#flash.set(
          result.created
            ? `“${result.plan.title}” started as a draft with ${result.carried} ${result.carried === 1 ? 'item' : 'items'} carried forward.${flagged}`
            : `This plan had already been rolled over into “${result.plan.title}”.`,
        );
        void this.#router.navigate(['/n', this.network(), 'plan', result.plan.id]);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.errors.failFromServer(error);
      },
    });
  }
}
