/**
 * Campaign reports over a time range: {@link io.inflow.analytics.report.CampaignReportBuilder} folds a
 * campaign's journal into a {@link io.inflow.protocol.api.CampaignReport} (total, UTC-aligned series,
 * breakdown by {@link io.inflow.analytics.report.ReportDimension}) with the same totals and KPI
 * formulas as the campaign view. Plain Java, no Pekko.
 */
package io.inflow.analytics.report;
