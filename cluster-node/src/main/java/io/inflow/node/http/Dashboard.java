package io.inflow.node.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * The browser dashboard's static files: {@code GET /} is its page, {@code GET /assets/{name}} its
 * scripts and styles, and {@code /assets/echarts.js} the charting library, served from its WebJar
 * (a Maven dependency, never a copy in the repository). The files carry no data, so they need no
 * token; every number the page shows comes from the API, with the token the user signs in with.
 *
 * <p>Pages get their own Content-Security-Policy: scripts, styles and connections only from this
 * origin (the live WebSocket included), no inline script. Inline style <em>attributes</em> are
 * allowed because the chart library writes its tooltips as HTML with style attributes; they cannot
 * run code.
 *
 * <p>{@link #fromDirectory} serves a working copy instead of the packaged files, so the page can be
 * edited and reloaded without rebuilding the node ({@code inflow.http.dashboard-dir}).
 */
public final class Dashboard extends AllDirectives {
  static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; "
      + "style-src-attr 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; font-src 'self'; "
      + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
  private static final String PACKAGED = "dashboard";
  private static final String ECHARTS_POM = "META-INF/maven/org.webjars.npm/echarts/pom.properties";
  /** One flat file name: no directories, no dot files, a known extension. */
  private static final Pattern ASSET = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]+)*\\.(js|css|svg|png|ico)");

  private final Path directory;
  private final String echartsResource;

  private Dashboard(Path directory) {
    this.directory = directory;
    this.echartsResource = "META-INF/resources/webjars/echarts/" + webjarVersion(ECHARTS_POM) + "/dist/echarts.esm.min.js";
  }

  /** The files packaged with the node (classpath {@code dashboard/}). */
  public static Dashboard packaged() {
    return new Dashboard(null);
  }

  /** The files of a working copy ({@code cluster-node/src/main/resources/dashboard}), read at each request. */
  public static Dashboard fromDirectory(Path directory) {
    if (!Files.isRegularFile(directory.resolve("index.html"))) {
      throw new IllegalArgumentException("inflow.http.dashboard-dir " + directory + " has no index.html");
    }
    return new Dashboard(directory);
  }

  /** The packaged files, or the working copy at {@code dir} when it is not blank. */
  public static Dashboard of(String dir) {
    return dir == null || dir.isBlank() ? packaged() : fromDirectory(Path.of(dir.trim()));
  }

  Route page() {
    return respondWithHeaders(List.of(RawHeader.create("Content-Security-Policy", CSP),
        RawHeader.create("Cache-Control", "no-cache")), () -> file("index.html"));
  }

  Route asset(String name) {
    if (!ASSET.matcher(name).matches()) {
      throw new ApiException(StatusCodes.NOT_FOUND, "not_found", "no such dashboard file: " + name, List.of(), null);
    }
    return respondWithHeader(RawHeader.create("Cache-Control", "no-cache"), () -> {
      if (name.equals("echarts.js")) return getFromResource(echartsResource);
      return file("assets/" + name);
    });
  }

  private Route file(String relative) {
    if (directory != null) {
      Path path = directory.resolve(relative);
      if (!Files.isRegularFile(path)) throw notFound(relative);
      return getFromFile(path.toFile());
    }
    if (Dashboard.class.getClassLoader().getResource(PACKAGED + "/" + relative) == null) throw notFound(relative);
    return getFromResource(PACKAGED + "/" + relative);
  }

  private static ApiException notFound(String relative) {
    return new ApiException(StatusCodes.NOT_FOUND, "not_found", "no such dashboard file: " + relative, List.of(), null);
  }

  /** The version of a WebJar on the class path, from the pom.properties Maven packs into every jar. */
  private static String webjarVersion(String pomProperties) {
    try (InputStream in = Dashboard.class.getClassLoader().getResourceAsStream(pomProperties)) {
      if (in == null) throw new IllegalStateException(pomProperties + " is not on the class path (the echarts WebJar)");
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
