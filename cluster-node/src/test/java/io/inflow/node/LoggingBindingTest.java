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

  @Test
  void inflowLogFormatJsonSelectsTheJsonEncoder() throws Exception {
    var context = new ch.qos.logback.classic.LoggerContext();
    context.putProperty("INFLOW_LOG_FORMAT", "json");
    var configurator = new ch.qos.logback.classic.joran.JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(LoggingBindingTest.class.getResource("/logback.xml"));
    var appender = (ch.qos.logback.core.ConsoleAppender<?>) context.getLogger("ROOT").getAppender("json");
    assertTrue(appender != null && appender.getEncoder() instanceof ch.qos.logback.classic.encoder.JsonEncoder);
    assertTrue(context.getLogger("ROOT").getAppender("text") == null, "only the chosen format");
    context.stop();
  }
}
