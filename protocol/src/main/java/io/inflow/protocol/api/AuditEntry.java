package io.inflow.protocol.api;

import java.time.Instant;

/**
 * One audited request: when, who ({@code subject} and {@code role} from the token; {@code anonymous}
 * when no valid token came), what ({@code action} such as {@code GET /api/v1/campaigns/{id}} and the
 * {@code resource} it named, e.g. {@code campaign:acme-spring}), the HTTP status it ended with, the
 * client address and the node that served it.
 */
public record AuditEntry(
    Instant at,
    String subject,
    String role,
    String action,
    String resource,
    int outcome,
    String client,
    String node) {}
