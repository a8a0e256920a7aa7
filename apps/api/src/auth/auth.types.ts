import type { Request } from 'express';
import type { AppUser } from '@plexus/server';

export interface AuthContext {
  sessionId: string;
  csrfToken: string;
  user: Pick<AppUser, 'id' | 'email' | 'displayName' | 'isOperator'>;
}

export type AppRequest = Request & { auth?: AuthContext; id?: string };

export const SESSION_COOKIE = 'plexus_session';
export const CSRF_COOKIE = 'XSRF-TOKEN';
export const CSRF_HEADER = 'x-xsrf-token';
