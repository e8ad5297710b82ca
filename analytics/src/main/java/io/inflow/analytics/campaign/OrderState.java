package io.inflow.analytics.campaign;

import io.inflow.protocol.event.Conversion;
import io.inflow.protocol.event.ConversionStatus;
import java.math.BigDecimal;

/**
 * What is known of one order, whatever order its events arrive in: the paid value, the refunded
 * value and whether it was canceled. Its revenue is paid − refunded (never below zero), or zero
 * once canceled.
 */
public record OrderState(String currency, BigDecimal paid, BigDecimal refunded, boolean canceled) {

  public static OrderState empty(String currency) {
    return new OrderState(currency, BigDecimal.ZERO, BigDecimal.ZERO, false);
  }

  public OrderState with(Conversion c) {
    if (c.status() == ConversionStatus.PAID) return new OrderState(currency, c.amount(), refunded, canceled);
    if (c.status() == ConversionStatus.REFUNDED) {
      return new OrderState(currency, paid, refunded.add(c.amount()), canceled);
    }
    return new OrderState(currency, paid, refunded, true);
  }

  public BigDecimal revenue() {
    if (canceled) return BigDecimal.ZERO;
    BigDecimal net = paid.subtract(refunded);
    return net.signum() < 0 ? BigDecimal.ZERO : net;
  }

  /** An order counts as a conversion while some of its paid value stands. */
  public boolean converted() {
    return revenue().signum() > 0;
  }
}
