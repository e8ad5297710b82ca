package io.inflow.node;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The node logs through logback. A dependency bringing SLF4J 1.7 once left the node with SLF4J's
 * no-operation logger (no logs at all, only a warning on standard error); this fails if that returns.
 */
class LoggingBindingTest {
  @Test
  void slf4jIsBoundToLogback() {
    var factory = LoggerFactory.getILoggerFactory();
    assertTrue(factory instanceof ch.qos.logback.classic.LoggerContext, "SLF4J is bound to " + factory.getClass());
  }
}
