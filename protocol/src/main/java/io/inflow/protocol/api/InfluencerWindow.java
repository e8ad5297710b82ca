package io.inflow.protocol.api;

import java.math.BigDecimal;

/**
 * An influencer's activity over one rolling window (1 h, 24 h, 7 d, 30 d or to date): how much its
 * posts' counters grew and its followers changed within the window, and the three engagement rates
 * over that growth. A rate is null when its denominator is zero.
 *
 * @param posts posts whose counters were observed in the window
 * @param engagements likes + comments + shares + saves gained
 * @param followerGrowth net change of followers over all accounts (negative when lost)
 * @param engagementRateByFollowers engagements ÷ posts ÷ current followers
 * @param engagementRateByReach engagements ÷ reach gained
 * @param engagementRateByViews engagements ÷ views gained
 */
public record InfluencerWindow(
    long posts,
    long views,
    long impressions,
    long reach,
    long likes,
    long comments,
    long shares,
    long saves,
    long engagements,
    long commentsReceived,
    long clicks,
    long conversions,
    long followerGrowth,
    BigDecimal engagementRateByFollowers,
    BigDecimal engagementRateByReach,
    BigDecimal engagementRateByViews) {}
