import { latestPlanPeriodEnd, planPeriodProblem } from './plan-period';

describe('planPeriodProblem', () => {
  it('accepts a financial year, a two-year plan and exactly five years', () => {
    expect(planPeriodProblem('2025-04-01', '2026-03-31')).toBeNull();
    expect(planPeriodProblem('2023-04-01', '2025-03-31')).toBeNull();
    expect(planPeriodProblem('2025-04-01', '2030-03-31')).toBeNull();
  });

  it('refuses an end on or before the start, naming periodEnd', () => {
    expect(planPeriodProblem('2025-04-01', '2025-04-01')).toEqual({ field: 'periodEnd', message: 'The end of the period must be after its start' });
    expect(planPeriodProblem('2025-04-01', '2024-03-31')?.field).toBe('periodEnd');
  });

  it('refuses more than five years', () => {
    expect(planPeriodProblem('2025-04-01', '2030-04-01')).toEqual({ field: 'periodEnd', message: "A plan's period can be at most 5 years long" });
  });

  it('refuses years outside 2000–2100, naming the end that is wrong', () => {
    expect(planPeriodProblem('1999-12-31', '2001-01-01')?.field).toBe('periodStart');
    expect(planPeriodProblem('2205-04-01', '2206-03-31')?.field).toBe('periodStart');
    expect(planPeriodProblem('2099-04-01', '2101-03-31')).toEqual({
      field: 'periodEnd',
      message: 'The end of the period must be in a year between 2000 and 2100',
    });
  });

  it('works out the latest end across a leap day', () => {
    expect(latestPlanPeriodEnd('2024-02-29')).toBe('2029-02-28');
    expect(latestPlanPeriodEnd('2025-04-01')).toBe('2030-03-31');
  });
});
