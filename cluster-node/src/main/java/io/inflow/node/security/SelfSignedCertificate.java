package io.inflow.node.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed certificate for local HTTPS ({@code ./inflow start --tls}), made by the JDK's own
 * {@code keytool}: an EC P-256 key in a PKCS12 keystore valid for localhost and 127.0.0.1 (one year),
 * its random password in a file beside it (mode 600), and the certificate as PEM for clients
 * ({@code curl --cacert}). Kept when present, so clients that trust it keep working.
 */
public final class SelfSignedCertificate {
  public static final String KEYSTORE = "inflow-selfsigned.p12";
  public static final String PASSWORD_FILE = "keystore.password";
  public static final String CERTIFICATE = "inflow-selfsigned.crt";

  /** Where the files are and the keystore's password. */
  public record Generated(Path keystore, Path certificate, String password) {}

  private SelfSignedCertificate() {}

  public static Generated ensure(Path dir) {
    Path keystore = dir.resolve(KEYSTORE);
    Path passwordFile = dir.resolve(PASSWORD_FILE);
    Path certificate = dir.resolve(CERTIFICATE);
    try {
      if (Files.exists(keystore) && Files.exists(passwordFile) && Files.exists(certificate)) {
        return new Generated(keystore, certificate, Files.readString(passwordFile).trim());
      }
      Files.createDirectories(dir);
      Files.deleteIfExists(keystore);
      Files.deleteIfExists(passwordFile);
      byte[] random = new byte[24];
      new SecureRandom().nextBytes(random);
      String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
      String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
      run(List.of(keytool, "-genkeypair", "-alias", "inflow", "-keyalg", "EC", "-groupname", "secp256r1",
          "-sigalg", "SHA256withECDSA", "-validity", "365", "-dname", "CN=localhost, O=Inflow (self-signed)",
          "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12", "-keystore", keystore.toString(),
          "-storepass", password, "-keypass", password));
      run(List.of(keytool, "-exportcert", "-rfc", "-alias", "inflow", "-keystore", keystore.toString(),
          "-storetype", "PKCS12", "-storepass", password, "-file", certificate.toString()));
      KeyFiles.writeSecret(passwordFile, password);
      return new Generated(keystore, certificate, password);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot create a self-signed certificate in " + dir, e);
    }
  }

  private static void run(List<String> command) throws IOException {
    Process p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
    try {
      String output = new String(p.getInputStream().readAllBytes());
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IOException("keytool failed: " + output.strip());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running keytool", e);
    }
  }
}
