import { bootstrapApplication } from '@angular/platform-browser';
import { z } from 'zod';
import { AppComponent } from './app/app.component';
import { appConfig } from './app/app.config';

// The page's Content-Security-Policy allows no eval: zod must not compile its parsers with `new Function`
// (nor probe whether it may, which the browser reports as a CSP violation).
z.config({ jitless: true });

bootstrapApplication(AppComponent, appConfig).catch((error: unknown) => console.error(error));
