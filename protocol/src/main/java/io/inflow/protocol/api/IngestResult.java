package io.inflow.protocol.api;

import java.util.List;

/**
 * Reply to {@code POST /api/v1/events}: how many events are now durable ({@code accepted}, counting
 * new ones only), how many were already known ({@code duplicates}, by eventId) and every rejected
 * line with its reason. Sent only after every accepted event is persisted.
 */
public record IngestResult(int accepted, int duplicates, List<ErrorDetail> rejected) {}
