import { HttpClient, httpResource } from '@angular/common/http';
import { afterNextRender, ChangeDetectionStrategy, Component, computed, DOCUMENT, effect, inject, Injector, input, signal } from '@angular/core';
import { nudgeUpdateSchema, type NudgeFormDto, type NudgeUpdatedDto } from '@plexus/contracts';
import { RAG_INFO, ragOf, WORK_ITEM_STATUSES, type WorkItemStatus } from '@plexus/domain';
import { statusOf, toApiError } from '../core/api-error';
import { moveFocusTo } from '../core/focus';
import { fieldErrorsFromIssues } from '../core/form-errors';
import { nudgeLinkUrl } from '../nudges/nudges.api';
import { controlValue } from '../ui/control-value';
import { FormErrors } from '../ui/form-errors';
import { FORM_ERROR_UI } from '../ui/form-ui';
import { LoadErrorComponent } from '../ui/load-error.component';
import { LoadingComponent } from '../ui/loading.component';
import { longDate, statusLabel } from '../work-plan/work-plan-format';

interface ItemDraft {
  itemId: string;
  status: WorkItemStatus;
  comment: string;
}
interface RiskDraft {
  riskId: string;
  likelihood: number;
  impact: number;
  comment: string;
}

/**
 * A nudge's emailed link, with no sign-in and no password: one page listing the lead's items (status with its BRAG
 * colour, and a comment each) and risks (likelihood, impact and a review comment each). Sending it records a dated
 * progress update per item and a review per risk under the lead's name; the link then stops working.
 */
@Component({
  selector: 'plx-nudge-update',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [LoadErrorComponent, LoadingComponent, FORM_ERROR_UI],
  providers: [FormErrors],
  templateUrl: './nudge-update.component.html',
})
export class NudgeUpdateComponent {
  readonly network = input.required<string>();
  readonly token = input.required<string>();

  readonly #http = inject(HttpClient);
  readonly #injector = inject(Injector);
  readonly #document = inject(DOCUMENT);

  protected readonly form = httpResource<NudgeFormDto>(() => nudgeLinkUrl(this.network(), this.token()));
  protected readonly errors = inject(FormErrors);
  protected readonly items = signal<ItemDraft[]>([]);
  protected readonly risks = signal<RiskDraft[]>([]);
  protected readonly sending = signal(false);
  protected readonly done = signal<NudgeUpdatedDto | null>(null);
  /** Why the link cannot be used (not valid, used, expired), from loading or sending. */
  protected readonly sendProblem = signal<string | null>(null);
  protected readonly statuses = WORK_ITEM_STATUSES;
  protected readonly ratings = [1, 2, 3, 4, 5];
  protected readonly longDate = longDate;
  protected readonly statusLabel = statusLabel;
  protected readonly text = controlValue;

  protected readonly problem = computed(() => {
    const sent = this.sendProblem();
    if (sent) return { heading: 'This link cannot be used', message: sent };
    const error = this.form.error();
    if (!error) return null;
    const status = statusOf(error);
    if (status === 404) return { heading: 'This link is not valid', message: 'Check that you used the whole link from the email.' };
    if (status === 410 || status === 429) return { heading: 'This link cannot be used', message: toApiError(error).message };
    return null;
  });

  constructor() {
    // The form starts from each item's and risk's current state.
    effect(() => {
      if (!this.form.hasValue()) return;
      const f = this.form.value();
      this.items.set(f.items.map((i) => ({ itemId: i.id, status: i.status, comment: '' })));
      this.risks.set(f.risks.map((r) => ({ riskId: r.id, likelihood: r.likelihood ?? 3, impact: r.impact ?? 3, comment: '' })));
    });
  }

  /** `On track – Green`: the status with the BRAG colour it carries, in words. */
  protected statusWithRag(status: WorkItemStatus): string {
    return `${statusLabel(status)} – ${RAG_INFO[ragOf(status)].label}`;
  }

  protected setItem(index: number, change: Partial<ItemDraft>): void {
    this.items.update((list) => list.map((item, i) => (i === index ? { ...item, ...change } : item)));
  }

  protected setRisk(index: number, change: Partial<RiskDraft>): void {
    this.risks.update((list) => list.map((risk, i) => (i === index ? { ...risk, ...change } : risk)));
  }

  protected submit(event: Event): void {
    event.preventDefault();
    if (this.sending()) return;
    const parsed = nudgeUpdateSchema.safeParse({ items: this.items(), risks: this.risks() });
    if (!parsed.success) {
      this.errors.fail(fieldErrorsFromIssues(parsed.error.issues));
      return;
    }
    this.sending.set(true);
    this.#http.post<NudgeUpdatedDto>(nudgeLinkUrl(this.network(), this.token()), parsed.data).subscribe({
      next: (result) => {
        this.sending.set(false);
        this.errors.clear();
        this.done.set(result);
        afterNextRender(() => moveFocusTo(this.#document.getElementById('nudge-updated')), { injector: this.#injector });
      },
      error: (error: unknown) => {
        this.sending.set(false);
        const apiError = toApiError(error);
        if (apiError.statusCode === 410 || (apiError.statusCode === 404 && !apiError.fields?.length)) this.sendProblem.set(apiError.message);
        else if (apiError.statusCode === 429) this.errors.failWith(apiError.message);
        else this.errors.failFromServer(apiError);
      },
    });
  }
}
