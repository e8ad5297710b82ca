package io.inflow.protocol.api;

import java.math.BigDecimal;

/** An influencer enrolled in a campaign, with the fee and the codes/links that attribute orders. */
public record Enrolment(
    String influencerId, BigDecimal fee, String discountCode, String link, String utm) {}
