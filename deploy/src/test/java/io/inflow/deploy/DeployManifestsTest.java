package io.inflow.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.inflow.node.http.Endpoint;
import io.inflow.node.metrics.NodeMetrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * No Docker engine or cluster runs here, so the deployment files are checked by reading them: every
 * manifest parses, and the parts that must agree do — ports, labels and selectors, probe paths,
 * the environment variables the node actually reads, secrets only by reference, RBAC for the
 * bootstrap's pod discovery, and the series the dashboard and alert rules query.
 */
class DeployManifestsTest {
  private static final Path DEPLOY = Path.of("").toAbsolutePath().getFileName().toString().equals("deploy")
      ? Path.of("") : Path.of("deploy");
  private static final Path NODE_RESOURCES = DEPLOY.resolve("../cluster-node/src/main/resources");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, List<JsonNode>> byKind = new HashMap<>();
  private static JsonNode deployment;
  private static JsonNode container;

  @BeforeAll
  static void parseAll() throws IOException {
    try (Stream<Path> files = Files.list(DEPLOY.resolve("kubernetes"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
        for (JsonNode doc : documents(f)) {
          assertTrue(doc.hasNonNull("kind") && doc.hasNonNull("apiVersion"), f + ": kind and apiVersion");
          byKind.computeIfAbsent(doc.get("kind").asText(), k -> new ArrayList<>()).add(doc);
        }
      }
    }
    deployment = one("Deployment");
    container = deployment.at("/spec/template/spec/containers/0");
  }

  private static List<JsonNode> documents(Path file) throws IOException {
    List<JsonNode> docs = new ArrayList<>();
    try (YAMLParser parser = (YAMLParser) YAML.getFactory().createParser(file.toFile())) {
      for (var it = YAML.readValues(parser, JsonNode.class); it.hasNext(); ) {
        JsonNode doc = it.next();
        if (doc != null && !doc.isMissingNode() && !doc.isNull()) docs.add(doc);
      }
    }
    return docs;
  }

  private static JsonNode one(String kind) {
    List<JsonNode> docs = byKind.getOrDefault(kind, List.of());
    assertEquals(1, docs.size(), "one " + kind);
    return docs.get(0);
  }

  private static Map<String, Integer> containerPorts() {
    Map<String, Integer> ports = new HashMap<>();
    container.get("ports").forEach(p -> ports.put(p.get("name").asText(), p.get("containerPort").asInt()));
    return ports;
  }

  private static Map<String, JsonNode> env() {
    Map<String, JsonNode> env = new HashMap<>();
    container.get("env").forEach(e -> env.put(e.get("name").asText(), e));
    return env;
  }

  /** Every {@code ${?INFLOW_…}} of the node's configuration and {@code ${INFLOW_…:-…}} of its logging. */
  private static Set<String> variablesTheNodeReads() throws IOException {
    Set<String> names = new HashSet<>();
    Pattern p = Pattern.compile("\\$\\{\\??(INFLOW_[A-Z0-9_]+)(}|:-)");
    try (Stream<Path> files = Files.list(NODE_RESOURCES)) {
      for (Path f : files.filter(x -> x.toString().endsWith(".conf") || x.toString().endsWith("logback.xml")).toList()) {
        Matcher m = p.matcher(Files.readString(f));
        while (m.find()) names.add(m.group(1));
      }
    }
    assertTrue(names.size() > 30, "found the node's variables: " + names);
    return names;
  }

  @Test
  void everyVariableTheDeploymentSetsIsOneTheNodeReads() throws IOException {
    Set<String> read = variablesTheNodeReads();
    String dockerfile = Files.readString(DEPLOY.resolve("docker/Dockerfile"));
    for (String name : env().keySet()) {
      boolean node = read.contains(name);
      boolean image = name.equals("JAVA_OPTS") && dockerfile.contains("$JAVA_OPTS");
      assertTrue(node || image, name + " is read by neither the node nor the image's entry point");
    }
    for (String name : List.of("INFLOW_CASSANDRA_CONTACT_POINTS", "INFLOW_CLUSTER_HOST", "INFLOW_CLUSTER_BOOTSTRAP",
        "INFLOW_AUTH_MODE", "INFLOW_AUTH_HS256_SECRET", "INFLOW_PSEUDONYM_KEY", "INFLOW_HTTP_HOST")) {
      assertTrue(env().containsKey(name), "the deployment sets " + name);
    }
    Matcher m = Pattern.compile("(INFLOW_[A-Z0-9_]+)=").matcher(dockerfile);
    while (m.find()) assertTrue(read.contains(m.group(1)), "the Dockerfile sets " + m.group(1) + ", which the node does not read");
  }

  @Test
  void portsAgreeBetweenImageDeploymentServicesProbesAndConfiguration() throws IOException {
    Map<String, Integer> ports = containerPorts();
    Map<String, JsonNode> env = env();
    assertEquals(ports.get("http"), env.get("INFLOW_HTTP_PORT").get("value").asInt());
    assertEquals(ports.get("remoting"), env.get("INFLOW_CLUSTER_PORT").get("value").asInt());
    assertEquals(ports.get("management"), env.get("INFLOW_MANAGEMENT_PORT").get("value").asInt());
    String dockerfile = Files.readString(DEPLOY.resolve("docker/Dockerfile"));
    for (int port : ports.values()) assertTrue(dockerfile.matches("(?s).*EXPOSE[^\\n]*\\b" + port + "\\b.*"), "EXPOSE " + port);
    for (JsonNode service : byKind.get("Service")) {
      for (JsonNode p : service.at("/spec/ports")) {
        JsonNode target = p.get("targetPort");
        assertTrue(target.isTextual() ? ports.containsKey(target.asText()) : ports.containsValue(target.asInt()),
            service.at("/metadata/name").asText() + " targets a port the container has: " + target);
      }
    }
    for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
      JsonNode port = container.at("/" + probe + "/httpGet/port");
      assertTrue(ports.containsKey(port.asText()), probe + " port " + port);
    }
    assertEquals(String.valueOf(ports.get("http")), deployment.at("/spec/template/metadata/annotations").get("prometheus.io/port").asText());
  }

  @Test
  void probesAreTheNodesHealthEndpoints() {
    assertEquals(Endpoint.HEALTH_READY.path(), container.at("/readinessProbe/httpGet/path").asText());
    assertEquals(Endpoint.HEALTH_ALIVE.path(), container.at("/livenessProbe/httpGet/path").asText());
    assertEquals(Endpoint.HEALTH_ALIVE.path(), container.at("/startupProbe/httpGet/path").asText());
    assertEquals(Endpoint.METRICS.path(), deployment.at("/spec/template/metadata/annotations").get("prometheus.io/path").asText());
  }

  @Test
  void labelsSelectorsAndTheBootstrapServiceNameAgree() {
    JsonNode labels = deployment.at("/spec/template/metadata/labels");
    deployment.at("/spec/selector/matchLabels").fields().forEachRemaining(e ->
        assertEquals(e.getValue(), labels.get(e.getKey()), "deployment selector " + e.getKey()));
    for (JsonNode service : byKind.get("Service")) {
      service.at("/spec/selector").fields().forEachRemaining(e ->
          assertEquals(e.getValue(), labels.get(e.getKey()), "service selector " + e.getKey()));
    }
    one("PodDisruptionBudget").at("/spec/selector/matchLabels").fields().forEachRemaining(e ->
        assertEquals(e.getValue(), labels.get(e.getKey()), "PDB selector " + e.getKey()));
    // cluster.conf: pod-label-selector = "app=%s" with %s = INFLOW_BOOTSTRAP_SERVICE
    assertEquals(labels.get("app").asText(), env().get("INFLOW_BOOTSTRAP_SERVICE").get("value").asText());
    assertEquals("kubernetes", env().get("INFLOW_CLUSTER_BOOTSTRAP").get("value").asText());
    assertEquals("status.podIP", env().get("INFLOW_CLUSTER_HOST").at("/valueFrom/fieldRef/fieldPath").asText());
    int replicas = deployment.at("/spec/replicas").asInt();
    int required = env().get("INFLOW_BOOTSTRAP_REQUIRED_CONTACTS").get("value").asInt();
    assertTrue(required > replicas / 2 && required <= replicas, "bootstrap waits for a majority, no more than exist");
    int minAvailable = one("PodDisruptionBudget").at("/spec/minAvailable").asInt();
    assertTrue(minAvailable > replicas / 2, "a disruption keeps a majority (keep-majority split-brain resolver)");
  }

  @Test
  void resourcesAreRequestedAndSecretsAreOnlyReferenced() throws IOException {
    assertTrue(container.at("/resources/requests").has("cpu") && container.at("/resources/requests").has("memory"));
    assertTrue(container.at("/resources/limits").has("memory"));
    for (var e : env().entrySet()) {
      if (e.getKey().matches(".*(SECRET|_KEY|PASSWORD|TOKEN)$")) {
        assertFalse(e.getValue().has("value"), e.getKey() + " must come from a secret, not a literal");
        assertNotNull(e.getValue().at("/valueFrom/secretKeyRef/name").textValue(), e.getKey());
      }
    }
    assertTrue(byKind.getOrDefault("Secret", List.of()).isEmpty(), "no Secret in the repository");
    assertEquals("production", env().get("INFLOW_AUTH_MODE").get("value").asText());
  }

  @Test
  void theServiceAccountMayReadPodsForDiscovery() {
    String account = deployment.at("/spec/template/spec/serviceAccountName").asText();
    assertEquals(account, one("ServiceAccount").at("/metadata/name").asText());
    JsonNode role = one("Role");
    JsonNode rule = role.at("/rules/0");
    assertTrue(rule.get("resources").toString().contains("pods"));
    for (String verb : List.of("get", "list", "watch")) assertTrue(rule.get("verbs").toString().contains(verb), verb);
    JsonNode binding = one("RoleBinding");
    assertEquals(role.at("/metadata/name").asText(), binding.at("/roleRef/name").asText());
    assertEquals(account, binding.at("/subjects/0/name").asText());
  }

  @Test
  void dashboardAndAlertRulesQueryOnlySeriesTheNodeExports() throws IOException {
    List<String> queries = new ArrayList<>();
    JsonNode dashboard = JSON.readTree(DEPLOY.resolve("grafana/inflow-dashboard.json").toFile());
    dashboard.get("panels").forEach(p -> p.get("targets").forEach(t -> queries.add(t.get("expr").asText())));
    JsonNode rules = YAML.readTree(DEPLOY.resolve("prometheus/alerts.yml").toFile());
    Set<String> alerts = new HashSet<>();
    rules.at("/groups/0/rules").forEach(r -> {
      queries.add(r.get("expr").asText());
      alerts.add(r.get("alert").asText());
    });
    assertTrue(alerts.containsAll(List.of("InflowNodeDown", "InflowPersistLatencyHigh", "InflowRejectionRateHigh",
        "InflowIngestStalled")), alerts.toString());
    Pattern series = Pattern.compile("\\b(inflow_[a-z_]+)");
    Set<String> used = new HashSet<>();
    for (String q : queries) {
      Matcher m = series.matcher(q);
      while (m.find()) {
        String name = m.group(1).replaceAll("_(bucket|sum|count)$", "");
        assertTrue(NodeMetrics.SERIES.contains(name), name + " in " + q + " is not a series the node exports");
        used.add(name);
      }
      for (String endpoint : quoted(q, "endpoint")) {
        assertTrue(Stream.of(Endpoint.values()).anyMatch(e -> e.name().equals(endpoint)), "endpoint " + endpoint);
      }
    }
    assertEquals(Set.copyOf(NodeMetrics.SERIES), used, "the dashboard and rules use every series");
    JsonNode scrape = YAML.readTree(DEPLOY.resolve("prometheus/scrape-config.yml").toFile());
    assertEquals(Endpoint.METRICS.path(), scrape.at("/scrape_configs/0/metrics_path").asText());
    assertEquals("inflow", scrape.at("/scrape_configs/0/job_name").asText(), "the job the rules select");
  }

  private static List<String> quoted(String query, String label) {
    List<String> values = new ArrayList<>();
    Matcher m = Pattern.compile(label + "=\"([A-Z_]+)\"").matcher(query);
    while (m.find()) values.add(m.group(1));
    return values;
  }

  @Test
  void theImageRunsTheNodeOnAJre17AsANonRootUser() throws IOException {
    String dockerfile = Files.readString(DEPLOY.resolve("docker/Dockerfile"));
    assertTrue(dockerfile.contains("FROM eclipse-temurin:17-jre"), "JRE 17 base");
    assertTrue(dockerfile.contains("USER inflow"));
    assertTrue(dockerfile.contains("io.inflow.node.Main"));
    assertTrue(dockerfile.contains("cluster-node/target/lib") && dockerfile.contains("cluster-node/target/classes"),
        "the image carries what './inflow build' produces");
    for (String module : List.of("protocol", "analytics", "cluster-node")) {
      assertTrue(dockerfile.contains("COPY " + module + " " + module), "the build copies " + module);
    }
    assertTrue(((ObjectNode) deployment).at("/spec/template/spec/containers/0/image").asText().startsWith("inflow-node:"));
  }
}
