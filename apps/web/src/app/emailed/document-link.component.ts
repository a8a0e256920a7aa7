import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { DocumentLinkDto } from '@plexus/contracts';
import { statusOf, toApiError } from '../core/api-error';
import { formatDate, formatDateTime } from '../core/dates';
import { formatBytes } from '../profile/logo-file';
import { documentLinkDownloadUrl, documentLinkUrl } from '../schedules/schedules.api';
import { LoadErrorComponent } from '../ui/load-error.component';
import { LoadingComponent } from '../ui/loading.component';

/**
 * The page an emailed download link opens, with no sign-in: which document it is (network, title, size,
 * pages, when it was made, until when the link works) and a button to download the PDF. A link that was
 * mistyped or altered is "not valid" (404); an expired or withdrawn one says so in the API's words (410);
 * too many tries from one place are asked to wait (429).
 */
@Component({
  selector: 'plx-document-link',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [LoadErrorComponent, LoadingComponent],
  template: `
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">
        @if (problem(); as p) {
          <h1>{{ p.heading }}</h1>
          <p>{{ p.message }}</p>
          @if (p.status === 404) {
            <p>Check that you used the whole link from the email. If it still does not work, ask whoever sent you the report for a new copy.</p>
          }
        } @else if (link.error(); as error) {
          <h1>Download a report</h1>
          <plx-load-error [error]="error" what="the report" (retry)="link.reload()" />
        } @else if (link.hasValue()) {
          @let doc = link.value();
          <span class="nhsuk-caption-l">{{ doc.networkName }}</span>
          <h1>{{ doc.title }}</h1>
          <p>{{ doc.networkName }} sent you this report. You do not need to sign in to download it.</p>
          <dl class="nhsuk-summary-list">
            <div class="nhsuk-summary-list__row">
              <dt class="nhsuk-summary-list__key">From</dt>
              <dd class="nhsuk-summary-list__value">{{ doc.networkName }}</dd>
            </div>
            <div class="nhsuk-summary-list__row">
              <dt class="nhsuk-summary-list__key">Document</dt>
              <dd class="nhsuk-summary-list__value">{{ facts() }}</dd>
            </div>
            @if (doc.generatedAt) {
              <div class="nhsuk-summary-list__row">
                <dt class="nhsuk-summary-list__key">Made</dt>
                <dd class="nhsuk-summary-list__value">{{ formatDateTime(doc.generatedAt) }}</dd>
              </div>
            }
            <div class="nhsuk-summary-list__row">
              <dt class="nhsuk-summary-list__key">Link works until</dt>
              <dd class="nhsuk-summary-list__value">{{ formatDateTime(doc.expiresAt) }}</dd>
            </div>
          </dl>
          <a class="nhsuk-button" role="button" draggable="false" [href]="downloadUrl()" download type="application/pdf" id="download"
            >Download the report (PDF)</a
          >
          <p class="nhsuk-body-s plx-secondary-text">
            Each download is recorded for {{ doc.networkName }}. Please do not forward this link: ask them to send the report to anyone else who needs
            it. The link stops working on {{ formatDate(doc.expiresAt) }}.
          </p>
        } @else {
          <h1>Download a report</h1>
          <plx-loading text="Checking the link…" />
        }
      </div>
    </div>
  `,
})
export class DocumentLinkComponent {
  readonly network = input.required<string>();
  readonly token = input.required<string>();

  protected readonly link = httpResource<DocumentLinkDto>(() => documentLinkUrl(this.network(), this.token()));
  protected readonly downloadUrl = computed(() => documentLinkDownloadUrl(this.network(), this.token()));

  /** The answers that are about the link itself, not a failure of the service. */
  protected readonly problem = computed(() => {
    const error = this.link.error();
    if (!error) return null;
    const status = statusOf(error);
    if (status === 404) return { status, heading: 'This link is not valid', message: 'The link may be mistyped or incomplete.' };
    if (status === 410) return { status, heading: 'This link no longer works', message: toApiError(error).message };
    if (status === 429) return { status, heading: 'Too many attempts', message: toApiError(error).message };
    return null;
  });

  protected readonly facts = computed(() => {
    if (!this.link.hasValue()) return '';
    const doc = this.link.value();
    const parts = ['PDF'];
    if (doc.pageCount !== null) parts.push(doc.pageCount === 1 ? '1 page' : `${doc.pageCount} pages`);
    if (doc.sizeBytes !== null) parts.push(formatBytes(doc.sizeBytes));
    return parts.join(', ');
  });

  protected readonly formatDate = formatDate;
  protected readonly formatDateTime = formatDateTime;
}
