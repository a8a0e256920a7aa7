import { Module } from '@nestjs/common';

/** WorkPlan feature: controllers, services and repositories are registered here. */
@Module({ controllers: [], providers: [] })
export class WorkPlanModule {}
