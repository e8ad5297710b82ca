package io.inflow.node;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import io.inflow.analytics.fraud.accounts.AccountClassifier;
import io.inflow.analytics.fraud.accounts.AccountModelException;
import io.inflow.analytics.sentiment.SentimentAnalyzer;
import io.inflow.analytics.sentiment.TrainedSentimentModel;
import io.inflow.analytics.fraud.accounts.AccountScorer;
import io.inflow.node.campaign.CampaignEntity;
import io.inflow.node.campaign.CampaignService;
import io.inflow.node.http.ApiRoutes;
import io.inflow.node.http.HttpServer;
import io.inflow.node.http.Readiness;
import io.inflow.node.influencer.FraudLinks;
import io.inflow.node.influencer.InfluencerEntity;
import io.inflow.node.influencer.InfluencerService;
import io.inflow.node.ingest.IngestService;
import io.inflow.node.ingest.IngestSettings;
import io.inflow.node.live.LiveRegistry;
import io.inflow.node.live.LiveSettings;
import io.inflow.node.live.LiveUpdates;
import io.inflow.node.privacy.Pseudonymizer;
import io.inflow.node.readmodel.ReadModel;
import io.inflow.node.readmodel.ReadModelService;
import io.inflow.node.readmodel.SummaryWriter;
import io.inflow.node.storage.EmbeddedCassandra;
import io.inflow.node.audit.AuditLog;
import io.inflow.node.security.AuthSettings;
import io.inflow.node.security.BrandDirectory;
import io.inflow.node.security.RateLimiter;
import io.inflow.node.security.TokenVerifier;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Props;
import io.inflow.node.storage.JournalSchema;
import io.inflow.protocol.codec.CodecLimits;
import io.inflow.protocol.codec.EventCodec;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.AddressFromURIString;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.JoinSeedNodes;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running Inflow node: (embedded Cassandra if no contact points are configured) → actor system
 * joined to the cluster → live-update registry → sharded entities → HTTP API. {@link #start(Config)}
 * is the one code path used by the CLI and by tests; {@link #close()} leaves the cluster, unbinds,
 * stops the actor system and then the embedded Cassandra it started.
 */
public final class InflowNode implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(InflowNode.class);

  private final ActorSystem<Void> system;
  private final EmbeddedCassandra cassandra;
  private final ServerBinding binding;
  private final Services services;
  private final String scheme;

  /**
   * The services the HTTP layer and tools use, exposed for the demo loader and tests; {@code
   * accounts} is the node's one account classifier (shared, thread-safe).
   */
  public record Services(IngestService ingest, CampaignService campaigns, InfluencerService influencers,
      LiveUpdates live, AccountScorer accounts, SentimentAnalyzer sentiment) {}

  private InflowNode(ActorSystem<Void> system, EmbeddedCassandra cassandra, ServerBinding binding,
      Services services, String scheme) {
    this.scheme = scheme;
    this.system = system;
    this.cassandra = cassandra;
    this.binding = binding;
    this.services = services;
  }

  /**
   * Loads configuration: {@code overrides} over system properties over application.conf over
   * reference.conf. The journal's events-by-tag writes are turned on when entities tag their events
   * ({@code inflow.entity.tag-buckets} > 0), in the node's journal and in the campaigns' instance of it;
   * without tags they would only cost a round trip per write.
   */
  public static Config loadConfig(Config overrides) {
    Config config = ConfigFactory.load(overrides.withFallback(ConfigFactory.parseResourcesAnySyntax("application")));
    if (config.getInt("inflow.entity.tag-buckets") == 0) return config;
    var on = ConfigValueFactory.fromAnyRef(true);
    return config.withValue("pekko.persistence.cassandra.events-by-tag.enabled", on)
        .withValue("inflow.campaign-journal.events-by-tag.enabled", on);
  }

  public static InflowNode start(Config overrides) {
    Config config = loadConfig(overrides);
    Config inflow = config.getConfig("inflow");
    EmbeddedCassandra cassandra = null;
    List<String> contactPoints = splitList(inflow.getString("cassandra.contact-points"));
    if (contactPoints.isEmpty()) {
      cassandra = EmbeddedCassandra.fromConfig(inflow.getConfig("cassandra.embedded"));
      cassandra.start();
      contactPoints = List.of(cassandra.contactPoint());
    }
    try {
      Config effective = ConfigFactory.empty()
          .withValue("datastax-java-driver.basic.contact-points", ConfigValueFactory.fromIterable(contactPoints))
          .withFallback(config);
      ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "Inflow", effective);
      try {
        Readiness readiness = new Readiness(system,
            Readiness.cassandraProbe(system, "pekko.persistence.cassandra"), Duration.ofSeconds(3));
        return startOn(system, inflow, readiness, cassandra);
      } catch (RuntimeException e) {
        system.terminate();
        throw e;
      }
    } catch (RuntimeException e) {
      if (cassandra != null) cassandra.stop();
      throw e;
    }
  }

  /**
   * Joins the cluster, starts sharding of both entity types and binds the API on an existing actor
   * system. {@code cassandra} (nullable) is stopped by {@link #close()}.
   */
  public static InflowNode startOn(ActorSystem<Void> system, Config inflow, Readiness readiness,
      EmbeddedCassandra cassandra) {
    AccountScorer accountScorer = accountClassifier(inflow);
    SentimentAnalyzer sentiment = sentimentAnalyzer(inflow);
    io.inflow.node.metrics.NodeMetrics.start(inflow);
    joinCluster(system, inflow);
    boolean onCassandra = system.settings().config().getString("pekko.persistence.journal.plugin")
        .startsWith(JournalSchema.PLUGIN_PATH);
    String keyspace = inflow.getString("cassandra.keyspace");
    if (onCassandra && (cassandra != null || inflow.getBoolean("cassandra.auto-create"))) {
      JournalSchema.create(system, Duration.ofMinutes(2));
      ReadModel.createTables(system, JournalSchema.PLUGIN_PATH, keyspace, Duration.ofMinutes(1));
      AuditLog.createTable(system, JournalSchema.PLUGIN_PATH, keyspace, inflow.getDuration("audit.retention"),
          Duration.ofMinutes(1));
    }
    Duration queryTimeout = inflow.getDuration("query.ask-timeout");
    var campaigns = new CampaignService(system, queryTimeout);
    var influencers = new InfluencerService(system, queryTimeout, inflow.getBoolean("fraud.enabled"));
    ReadModelService readModel = null;
    ActorRef<SummaryWriter.Command> summaries = null;
    ReadModel tables = null;
    if (onCassandra) {
      tables = new ReadModel(system, JournalSchema.PLUGIN_PATH, keyspace);
      summaries = system.systemActorOf(SummaryWriter.create(tables, influencers, campaigns,
          inflow.getDuration("read-model.flush-interval")), "summary-writer", Props.empty());
      SummaryWriter.stopOnShutdown(system, summaries);
      readModel = new ReadModelService(tables, system.executionContext());
    }
    EntitySettings entitySettings = EntitySettings.fromConfig(inflow).withAccounts(accountScorer);
    LiveSettings liveSettings = LiveSettings.fromConfig(inflow);
    var liveWatchers = new io.inflow.node.live.LiveWatchers();
    ActorRef<LiveRegistry.Command> liveRegistry =
        system.systemActorOf(LiveRegistry.create(liveSettings, liveWatchers), "live",
            io.inflow.node.live.LiveSettings.DISPATCHER);
    var sharding = org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding.get(system);
    boolean pods = entitySettings.fraudScoring() && inflow.getBoolean("fraud.coordination.enabled");
    var coordination = !pods ? null : io.inflow.node.fraud.CoordinationDetector.init(system,
        io.inflow.node.fraud.CoordinationDetectorSettings.fromConfig(inflow),
        finding -> {
          var metrics = io.inflow.node.metrics.NodeMetrics.get();
          if (metrics != null) metrics.coordinationFinding();
          sharding.entityRefFor(InfluencerEntity.ENTITY_KEY, finding.influencerId())
              .tell(new io.inflow.node.influencer.InfluencerCommand.RecordCoordination(finding));
        });
    FraudLinks fraudLinks = new FraudLinks(
        (campaign, alert) -> sharding.entityRefFor(CampaignEntity.ENTITY_KEY, campaign)
            .tell(new io.inflow.node.campaign.CampaignCommand.RecordAlert(alert)),
        events -> {
          if (coordination == null) return;
          var comments = io.inflow.node.fraud.CoordinationDetector.from(events);
          if (!comments.isEmpty()) coordination.tell(new io.inflow.node.fraud.CoordinationDetector.Comments(comments));
        });
    InfluencerEntity.init(system, entitySettings, summaries, fraudLinks);
    CampaignEntity.init(system, entitySettings, summaries, liveRegistry, liveWatchers);

    Path dataDir = Path.of(inflow.getString("data-dir"));
    Pseudonymizer pseudonymizer = Pseudonymizer.fromKeyOrFile(
        inflow.getString("privacy.pseudonym-key"), dataDir.resolve("secrets/pseudonym.key"));
    Services services = new Services(
        new IngestService(system, IngestSettings.fromConfig(inflow), pseudonymizer, sentiment), campaigns,
        influencers, new LiveUpdates(system, liveRegistry, campaigns, liveSettings), accountScorer, sentiment);
    var reports = new io.inflow.node.report.ReportService(system, inflow.getString("report.read-journal"),
        entitySettings.kpi(), inflow.getDuration("report.timeout"), inflow.getInt("report.cache-entries"),
        inflow.getDuration("report.cache-idle"));
    String keystore = inflow.getString("http.tls.keystore").trim();
    javax.net.ssl.SSLContext tls = keystore.isEmpty() ? null : HttpServer.tlsContext(Path.of(keystore),
        inflow.getString("http.tls.keystore-password").toCharArray());
    var security = new ApiRoutes.Security(
        new TokenVerifier(AuthSettings.fromConfig(inflow)),
        new RateLimiter(inflow.getLong("limits.requests-per-second"), inflow.getLong("limits.burst")),
        new BrandDirectory(campaigns, influencers, tables, system.executionContext(),
            inflow.getDuration("auth.brand-cache-ttl")),
        onCassandra ? new AuditLog(system, JournalSchema.PLUGIN_PATH, keyspace) : null,
        Cluster.get(system).selfMember().address().hostPort(),
        corsOrigins(inflow), tls != null);
    ApiRoutes routes = new ApiRoutes(services.ingest(), services.campaigns(), services.influencers(),
        readModel, reports, services.live(), readiness, new EventCodec(CodecLimits.defaults()), security,
        new ApiRoutes.Accounts(services.accounts(), inflow.getInt("limits.classify-accounts")),
        new ApiRoutes.Texts(sentiment, inflow.getInt("limits.classify-texts")),
        new io.inflow.node.cluster.ClusterStatus(system, queryTimeout),
        io.inflow.node.http.Dashboard.of(inflow.getString("http.dashboard-dir")));
    ServerBinding binding = HttpServer.bind(system, inflow.getString("http.host"),
            inflow.getInt("http.port"), routes.routes(), inflow.getDuration("http.drain-timeout"), tls)
        .toCompletableFuture().join();
    return new InflowNode(system, cassandra, binding, services, tls != null ? "https" : "http");
  }

  /**
   * The model at {@code inflow.fraud.accounts-model}, or the shipped one when it is empty; a file
   * that is missing or no account model fails the start with an {@link AccountModelException}
   * naming it.
   */
  static AccountClassifier accountClassifier(Config inflow) {
    String file = inflow.getString("fraud.accounts-model").trim();
    AccountClassifier classifier = file.isEmpty() ? AccountClassifier.shipped() : AccountClassifier.load(Path.of(file));
    log.info("account classifier: {}", file.isEmpty() ? "the shipped model" : file);
    return classifier;
  }

  /**
   * The analyser with the model at {@code inflow.sentiment.model}, or the lexicon alone when it is
   * empty; a file that is missing or no sentiment model fails the start naming it. Loads the
   * lexicons and the language detector now rather than on the first comment.
   */
  static SentimentAnalyzer sentimentAnalyzer(Config inflow) {
    String file = inflow.getString("sentiment.model").trim();
    SentimentAnalyzer analyzer = file.isEmpty() ? SentimentAnalyzer.lexiconOnly()
        : SentimentAnalyzer.withModel(TrainedSentimentModel.load(Path.of(file)));
    analyzer.classify("Inflow is starting. Inflow startuje.");
    log.info("sentiment: {}", file.isEmpty() ? "lexicon analyser" : "model " + file);
    return analyzer;
  }

  private static java.util.Set<String> corsOrigins(Config inflow) {
    java.util.Set<String> origins = new java.util.LinkedHashSet<>(inflow.getStringList("http.cors.allowed-origins"));
    origins.addAll(splitList(inflow.getString("http.cors.allowed-origins-csv")));
    return origins;
  }

  private static void joinCluster(ActorSystem<Void> system, Config inflow) {
    String bootstrap = inflow.getString("cluster.bootstrap");
    if (bootstrap.equals("kubernetes")) {
      var classic = org.apache.pekko.actor.typed.javadsl.Adapter.toClassic(system);
      org.apache.pekko.management.javadsl.PekkoManagement.get(classic).start();
      org.apache.pekko.management.cluster.bootstrap.ClusterBootstrap.get(classic).start();
      log.info("cluster bootstrap: Kubernetes API discovery of pods labelled app={}", inflow.getString("cluster.bootstrap-service"));
      return;
    }
    if (!bootstrap.equals("seeds")) {
      throw new IllegalArgumentException("inflow.cluster.bootstrap must be seeds or kubernetes, got '" + bootstrap + "'");
    }
    Cluster cluster = Cluster.get(system);
    List<String> seeds = splitList(inflow.getString("cluster.seed-nodes"));
    var addresses = seeds.isEmpty()
        ? List.of(cluster.selfMember().address())
        : seeds.stream().map(AddressFromURIString::parse).toList();
    cluster.manager().tell(new JoinSeedNodes(addresses));
  }

  static List<String> splitList(String commaSeparated) {
    return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  public ActorSystem<Void> system() {
    return system;
  }

  public Services services() {
    return services;
  }

  public InetSocketAddress httpAddress() {
    return binding.localAddress();
  }

  public String apiUrl() {
    return scheme + "://" + httpAddress().getHostString() + ":" + httpAddress().getPort();
  }

  /** Leaves gracefully, stops the actor system, then the embedded Cassandra (if this node started one). */
  @Override
  public void close() {
    try {
      system.terminate();
      system.getWhenTerminated().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      log.warn("actor system did not terminate cleanly: {}", e.toString());
    } finally {
      if (cassandra != null) cassandra.stop();
    }
  }
}
