import { Module } from '@nestjs/common';

/** Risk feature: controllers, services and repositories are registered here. */
@Module({ controllers: [], providers: [] })
export class RiskModule {}
