import { Global, Module } from '@nestjs/common';
import { EventLoopLag } from './event-loop-lag';

/** The event-loop lag monitor, injectable anywhere (the health endpoint reports it). */
@Global()
@Module({ providers: [EventLoopLag], exports: [EventLoopLag] })
export class EventLoopModule {}
