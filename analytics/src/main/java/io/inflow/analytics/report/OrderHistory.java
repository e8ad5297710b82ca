package io.inflow.analytics.report;

import io.inflow.analytics.campaign.OrderState;
import io.inflow.protocol.event.Conversion;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * One order as a report sees it: its state so far (as {@link OrderState} folds its events in
 * journal order) and the changes of revenue and conversion count that fall inside the range, each
 * in the bucket of the conversion event that made it. Mutable.
 */
final class OrderHistory {
  /** A change of the order's revenue (in its currency) and conversion count (−1, 0 or +1). */
  record Change(int bucket, BigDecimal revenue, int conversions) {}

  private OrderState state;
  private final List<Change> changes = new ArrayList<>();

  /** Folds in one conversion event; returns whether the order's counted paid value changed. */
  boolean apply(Conversion c, ReportBuckets range) {
    OrderState old = state == null ? OrderState.empty(c.currency()) : state;
    OrderState next = old.with(c);
    state = next;
    BigDecimal revenue = next.revenue().subtract(old.revenue());
    int conversions = (next.converted() ? 1 : 0) - (old.converted() ? 1 : 0);
    int bucket = range.indexOf(c.occurredAt());
    if (bucket >= 0 && (revenue.signum() != 0 || conversions != 0)) changes.add(new Change(bucket, revenue, conversions));
    return next.countedPaid().compareTo(old.countedPaid()) != 0;
  }

  OrderState state() {
    return state;
  }

  List<Change> changes() {
    return changes;
  }
}
