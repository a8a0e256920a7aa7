import { Injectable, signal } from '@angular/core';

/** A one-off confirmation ("Profile saved") carried to the next page, shown there once. */
@Injectable({ providedIn: 'root' })
export class FlashService {
  readonly #message = signal<string | null>(null);

  set(message: string): void {
    this.#message.set(message);
  }

  take(): string | null {
    const message = this.#message();
    this.#message.set(null);
    return message;
  }
}
