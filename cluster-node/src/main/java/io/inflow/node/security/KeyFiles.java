package io.inflow.node.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/** Secret files kept beside the data: created once with random bytes, readable by the owner only. */
public final class KeyFiles {
  private KeyFiles() {}

  public static byte[] readOrCreate(Path file, int bytes) {
    try {
      if (Files.exists(file)) return Base64.getDecoder().decode(Files.readString(file).trim());
      Files.createDirectories(file.toAbsolutePath().getParent());
      byte[] key = new byte[bytes];
      new SecureRandom().nextBytes(key);
      writeSecret(file, Base64.getEncoder().encodeToString(key));
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create key file " + file, e);
    }
  }

  /** Writes a new secret file (it must not exist), readable and writable by the owner only. */
  public static void writeSecret(Path file, String content) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    if (Files.getFileStore(dir).supportsFileAttributeView(java.nio.file.attribute.PosixFileAttributeView.class)) {
      // created owner-only, so the secret is never readable by others, not even for a moment
      Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(file, content + "\n", StandardOpenOption.WRITE);
    } else {
      Files.writeString(file, content + "\n", StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }
  }
}
