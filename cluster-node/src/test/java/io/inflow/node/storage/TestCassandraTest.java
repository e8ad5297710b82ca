package io.inflow.node.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The shared test Cassandra: one per JVM, usable by the driver, data kept across restart(). */
class TestCassandraTest {

  private static final Pattern UNQUOTED_CQL_IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,47}");

  @Test
  void isOneCassandraPerJvmThatKeepsDataAcrossRestart() {
    TestCassandra cassandra = TestCassandra.get();
    assertSame(cassandra, TestCassandra.get());
    assertEquals(cassandra.host() + ":" + cassandra.cqlPort(), cassandra.contactPoint());
    assertTrue(cassandra.dataDir().startsWith(System.getProperty(TestCassandra.WORK_DIR_PROPERTY)));
    String keyspace = TestCassandra.uniqueKeyspace("TestCassandraTest");

    try (CqlSession session = cassandra.newSession()) {
      session.execute("CREATE KEYSPACE " + keyspace
          + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
      session.execute("CREATE TABLE " + keyspace + ".followers (influencer text PRIMARY KEY, count bigint)");
      session.execute(SimpleStatement.newInstance(
          "INSERT INTO " + keyspace + ".followers (influencer, count) VALUES (?, ?)", "ada", 42L));
    }
    cassandra.restart();
    try (CqlSession session = cassandra.newSession()) {
      long count = session.execute(SimpleStatement.newInstance(
          "SELECT count FROM " + keyspace + ".followers WHERE influencer = ?", "ada")).one().getLong("count");
      assertEquals(42L, count);
    }
  }

  @Test
  void uniqueKeyspacesAreValidLowerCaseIdentifiersNeverRepeated() {
    Set<String> seen = new HashSet<>();
    for (String prefix : new String[] {"Campaign", "9lives", "", "über-Test!", "x".repeat(80), "ingest"}) {
      for (int i = 0; i < 50; i++) {
        String keyspace = TestCassandra.uniqueKeyspace(prefix);
        assertTrue(UNQUOTED_CQL_IDENTIFIER.matcher(keyspace).matches(), keyspace);
        assertTrue(seen.add(keyspace), "repeated " + keyspace);
      }
    }
    assertTrue(TestCassandra.uniqueKeyspace("Campaign").startsWith("campaign_"));
    assertNotEquals(TestCassandra.uniqueKeyspace("a"), TestCassandra.uniqueKeyspace("a"));
  }
}
