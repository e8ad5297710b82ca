package io.inflow.analytics;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The analytics domain knows nothing of actors: Pekko is neither on its class path nor referenced. */
class NoPekkoInAnalyticsTest {

  @Test
  void pekkoIsNotOnTheClassPath() {
    assertThrows(ClassNotFoundException.class, () -> Class.forName("org.apache.pekko.actor.ActorSystem"),
        "analytics must not depend on Pekko, directly or transitively");
    assertThrows(ClassNotFoundException.class, () -> Class.forName("org.apache.pekko.actor.typed.ActorRef"));
  }

  @Test
  void noAnalyticsClassReferencesPekko() {
    var classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.inflow.analytics");
    noClasses().should().dependOnClassesThat().resideInAnyPackage("org.apache.pekko..")
        .check(classes);
  }
}
