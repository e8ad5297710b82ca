package io.inflow.node;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.inflow.analytics.fraud.accounts.AccountModelException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code inflow.fraud.accounts-model}: empty is the shipped model; a bad file stops the start, naming it. */
class AccountModelConfigTest {

  @Test
  void emptyMeansTheShippedModel() {
    InflowNode.accountClassifier(ConfigFactory.parseString("fraud.accounts-model = \"\""));
  }

  @Test
  void aMissingOrForeignFileFailsNamingIt(@TempDir Path dir) throws Exception {
    Path missing = dir.resolve("missing.tribuo.gz");
    var gone = assertThrows(AccountModelException.class, () -> InflowNode.accountClassifier(
        ConfigFactory.parseString("fraud.accounts-model = \"" + missing.toString().replace("\\", "/") + "\"")));
    assertTrue(gone.getMessage().contains("missing.tribuo.gz"), gone.getMessage());

    Path foreign = Files.writeString(dir.resolve("notes.txt"), "not a model");
    var bad = assertThrows(AccountModelException.class, () -> InflowNode.accountClassifier(
        ConfigFactory.parseString("fraud.accounts-model = \"" + foreign.toString().replace("\\", "/") + "\"")));
    assertTrue(bad.getMessage().contains("notes.txt") && bad.getMessage().contains("not a Tribuo model"), bad.getMessage());
  }
}
