package io.inflow.node.http;

import io.inflow.node.security.Role;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Every route the node serves, with who may call it. {@link ApiRoutes} builds each route through its
 * endpoint and refuses to start if one is left unbound, and the authorisation matrix test has a row
 * per endpoint, so a new route cannot appear without an access rule and a test of it.
 *
 * <p>Roles listed may call the route; brand checks on top of that are named in {@link #scope}: an
 * analyst reads only resources of the brands in its token, an ingest token limited to brands posts
 * only events of those brands' campaigns and influencers.
 */
public enum Endpoint {
  HEALTH_ALIVE("GET", "/health/alive", null, Scope.NONE),
  HEALTH_READY("GET", "/health/ready", null, Scope.NONE),
  /** The browser dashboard's page; it holds no data (every number comes from the API with the user's token). */
  DASHBOARD("GET", "/", null, Scope.NONE),
  /** The dashboard's scripts, styles and chart library. */
  DASHBOARD_ASSET("GET", "/assets/{id}", null, Scope.NONE),
  /** Prometheus text format; Prometheus scrapes it with an admin token ({@code authorization.credentials_file}). */
  METRICS("GET", "/metrics", EnumSet.of(Role.ADMIN), Scope.NONE),
  POST_EVENTS("POST", "/api/v1/events", EnumSet.of(Role.ADMIN, Role.INGEST), Scope.EVENTS),
  PUT_CAMPAIGN("PUT", "/api/v1/campaigns/{id}", EnumSet.of(Role.ADMIN), Scope.NONE),
  GET_CAMPAIGN("GET", "/api/v1/campaigns/{id}", EnumSet.of(Role.ADMIN, Role.ANALYST), Scope.CAMPAIGN),
  CAMPAIGN_REPORT("GET", "/api/v1/campaigns/{id}/report", EnumSet.of(Role.ADMIN, Role.ANALYST), Scope.CAMPAIGN),
  CAMPAIGN_LIVE("GET", "/api/v1/campaigns/{id}/live", EnumSet.of(Role.ADMIN, Role.ANALYST), Scope.CAMPAIGN),
  LIST_INFLUENCERS("GET", "/api/v1/influencers", EnumSet.of(Role.ADMIN, Role.ANALYST), Scope.FILTERED),
  GET_INFLUENCER("GET", "/api/v1/influencers/{id}", EnumSet.of(Role.ADMIN, Role.ANALYST), Scope.INFLUENCER),
  INFLUENCER_FRAUD("GET", "/api/v1/influencers/{id}/fraud", EnumSet.of(Role.ADMIN, Role.ANALYST), Scope.INFLUENCER),
  /** Every brand with its totals; an analyst sees only its token's brands. */
  LIST_BRANDS("GET", "/api/v1/brands", EnumSet.of(Role.ADMIN, Role.ANALYST), Scope.FILTERED),
  BRAND_OVERVIEW("GET", "/api/v1/brands/{id}/overview", EnumSet.of(Role.ADMIN, Role.ANALYST), Scope.BRAND),
  AUDIT_LOG("GET", "/api/v1/audit", EnumSet.of(Role.ADMIN), Scope.NONE),
  /** Members, leader, and shards and entities per node and entity type. */
  CLUSTER_STATUS("GET", "/api/v1/cluster", EnumSet.of(Role.ADMIN), Scope.NONE),
  /** Classifies accounts sent in the body; reads no brand's data, so no brand check. */
  CLASSIFY_ACCOUNTS("POST", "/api/v1/analytics/accounts/classify", EnumSet.of(Role.ADMIN, Role.ANALYST), Scope.NONE),
  CLASSIFY_SENTIMENT("POST", "/api/v1/analytics/sentiment", EnumSet.of(Role.ADMIN, Role.ANALYST), Scope.NONE),
  /**
   * Influencers linked by coordinated engagement; an analyst sees only its brands' influencers, and
   * asking for another brand ({@code brand=}) is refused.
   */
  NETWORK("GET", "/api/v1/analytics/network", EnumSet.of(Role.ADMIN, Role.ANALYST), Scope.FILTERED);

  /** The brand check applied after the role check. */
  public enum Scope {
    /** none beyond the role */
    NONE,
    /** the campaign's brand must be one of an analyst's brands */
    CAMPAIGN,
    /** the influencer must be enrolled in (or have events of) a campaign of an analyst's brands */
    INFLUENCER,
    /** the brand in the path must be one of an analyst's brands */
    BRAND,
    /** the result lists only what an analyst's brands may see */
    FILTERED,
    /** every event must belong to a brand of a brand-limited ingest token */
    EVENTS
  }

  private final String method;
  private final String path;
  private final List<String> segments;
  private final Set<Role> roles;
  private final Scope scope;

  Endpoint(String method, String path, Set<Role> roles, Scope scope) {
    this.method = method;
    this.path = path;
    this.segments = path.equals("/") ? List.of() : List.of(path.substring(1).split("/"));
    this.roles = roles == null ? null : Set.copyOf(roles);
    this.scope = scope;
  }

  public String method() {
    return method;
  }

  /** The path template, {@code {id}} standing for one segment. */
  public String path() {
    return path;
  }

  /** True for the health endpoints and the dashboard's static files, which need no token. */
  public boolean open() {
    return roles == null;
  }

  public boolean allows(Role role) {
    return roles != null && roles.contains(role);
  }

  public Scope scope() {
    return scope;
  }

  /**
   * Whether the request path (decoded segments) is this endpoint's: null if not, else the value of
   * its {@code {id}} segment, or the empty string when it has none.
   */
  public String match(List<String> requestSegments) {
    if (requestSegments.size() != segments.size()) return null;
    String id = "";
    for (int i = 0; i < segments.size(); i++) {
      String expected = segments.get(i);
      String actual = requestSegments.get(i);
      if (expected.equals("{id}")) {
        if (actual.isEmpty()) return null;
        id = actual;
      } else if (!expected.equals(actual)) {
        return null;
      }
    }
    return id;
  }

  /** What the audit record names: {@code campaign:acme-1}, {@code brand:acme}, or null. */
  public String resource(String id) {
    if (id == null || id.isEmpty() || segments.size() < 3) return null;
    return segments.get(2).replaceAll("s$", "") + ":" + id;
  }

  /** {@code GET /api/v1/campaigns/{id}}, as audit records name what was done. */
  public String action() {
    return method + " " + path;
  }
}
