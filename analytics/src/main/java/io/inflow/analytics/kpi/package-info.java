/**
 * Campaign and influencer KPIs as pure functions: {@link io.inflow.analytics.kpi.KpiCalculator}
 * turns {@link io.inflow.analytics.kpi.KpiInputs} into {@link io.inflow.analytics.kpi.Kpis} under
 * {@link io.inflow.analytics.kpi.KpiSettings}; {@link io.inflow.analytics.kpi.Pacing},
 * {@link io.inflow.analytics.kpi.TargetProgress} and {@link io.inflow.analytics.kpi.AttributionIndex}
 * answer budget, target and attribution questions. Everything here is immutable.
 */
package io.inflow.analytics.kpi;
