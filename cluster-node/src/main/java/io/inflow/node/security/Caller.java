package io.inflow.node.security;

import java.time.Instant;
import java.util.Set;

/**
 * The authenticated party of a request, from a verified token: its subject, role and the brands it
 * may see ({@code brands} is empty for an admin, who sees all, and for an ingest token not limited to
 * brands). {@code tokenId} keys per-token limits: the token's {@code jti}, or a hash of the token.
 */
public record Caller(String subject, Role role, Set<String> brands, String tokenId, Instant expiresAt) {

  public Caller {
    brands = Set.copyOf(brands);
  }

  public boolean isAdmin() {
    return role == Role.ADMIN;
  }

  /** May this caller read what belongs to {@code brandId}? */
  public boolean canRead(String brandId) {
    return role == Role.ADMIN || (role == Role.ANALYST && brandId != null && brands.contains(brandId));
  }

  /** May this caller post events for {@code brandId} (null: an event of no campaign)? */
  public boolean canIngestFor(String brandId) {
    if (role == Role.ADMIN || (role == Role.INGEST && brands.isEmpty())) return true;
    return role == Role.INGEST && brandId != null && brands.contains(brandId);
  }

  /** An ingest token limited to some brands (its events are checked one by one). */
  public boolean ingestLimitedToBrands() {
    return role == Role.INGEST && !brands.isEmpty();
  }
}
