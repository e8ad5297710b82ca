package io.inflow.analytics.campaign;

import io.inflow.analytics.common.Interner;
import io.inflow.protocol.event.Attribution;
import io.inflow.protocol.event.Conversion;
import io.inflow.protocol.event.ConversionStatus;
import java.math.BigDecimal;

/**
 * What is known of one order, whatever order its events arrive in: the paid value, the refunded
 * value, whether it was canceled, and who it is attributed to. Its revenue is paid − refunded (never
 * below zero), or zero once canceled. {@code influencerId} is the conversion's own influencer, else
 * the one its attribution resolves to through the campaign's enrolment (null: unattributed).
 */
public record OrderState(String currency, BigDecimal paid, BigDecimal refunded, boolean canceled,
    String explicitInfluencerId, Attribution attribution, String influencerId) {

  public static OrderState empty(String currency) {
    return new OrderState(currency, BigDecimal.ZERO, BigDecimal.ZERO, false, null, null, null);
  }

  public OrderState with(Conversion c) {
    String explicit = explicitInfluencerId != null ? explicitInfluencerId : c.influencerId();
    Attribution attr = attribution != null ? attribution : c.attribution();
    if (c.status() == ConversionStatus.PAID) {
      return new OrderState(currency, c.amount(), refunded, canceled, explicit, attr, influencerId);
    }
    if (c.status() == ConversionStatus.REFUNDED) {
      return new OrderState(currency, paid, refunded.add(c.amount()), canceled, explicit, attr, influencerId);
    }
    return new OrderState(currency, paid, refunded, true, explicit, attr, influencerId);
  }

  /** The same order holding the instances {@code shared} gives for its strings and attribution. */
  public OrderState sharing(Interner shared) {
    return new OrderState(shared.intern(currency), paid, refunded, canceled, shared.intern(explicitInfluencerId),
        shared.intern(attribution), shared.intern(influencerId));
  }

  public OrderState attributedTo(String influencer) {
    return new OrderState(currency, paid, refunded, canceled, explicitInfluencerId, attribution, influencer);
  }

  /** Paid value that counts: zero once canceled. */
  public BigDecimal countedPaid() {
    return canceled ? BigDecimal.ZERO : paid;
  }

  /** Refunded value that counts: at most what was paid, zero once canceled. */
  public BigDecimal countedRefunded() {
    return canceled ? BigDecimal.ZERO : refunded.min(paid);
  }

  public BigDecimal revenue() {
    return countedPaid().subtract(countedRefunded());
  }

  /** An order counts as a conversion while some of its paid value stands. */
  public boolean converted() {
    return revenue().signum() > 0;
  }
}
