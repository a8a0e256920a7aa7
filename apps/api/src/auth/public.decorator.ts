import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'plexus:public';
/** The route answers without a session (sign-in, invites, health, docs). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export const IS_OPERATOR_ONLY = 'plexus:operator';
/** The route is for platform operators only. */
export const OperatorOnly = () => SetMetadata(IS_OPERATOR_ONLY, true);
