package io.inflow.analytics.eval;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/** Tribuo classification models on disk: protobuf ({@code Model.serializeToStream}), gzip or not. */
public final class TribuoFiles {
  private TribuoFiles() {}

  /** Why a file or resource is not the model wanted; the message names the source. */
  public static final class ModelFileException extends RuntimeException {
    public ModelFileException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** Writes {@code model} gzip-compressed (a forest's or a sparse linear model's protobuf shrinks a lot). */
  public static void save(Model<?> model, Path file) throws IOException {
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      model.serializeToStream(out);
    }
  }

  /** A classifier from a file; {@code what} names it in messages ("the account model file /x"). */
  public static Model<Label> load(Path file, String what, String writtenBy, String requiredLabel) {
    if (!Files.isRegularFile(file)) throw new ModelFileException(what + " does not exist or is not a file", null);
    try (InputStream in = Files.newInputStream(file)) {
      return classifier(read(in, what, writtenBy), what, requiredLabel);
    } catch (IOException e) {
      throw new ModelFileException(what + " cannot be read: " + e, e);
    }
  }

  /** A classifier from a class-path resource. */
  public static Model<Label> resource(Class<?> owner, String resource, String what, String requiredLabel) {
    try (InputStream in = owner.getResourceAsStream(resource)) {
      if (in == null) throw new ModelFileException(what + " " + resource + " is not on the class path", null);
      return classifier(read(in, what, "the build"), what, requiredLabel);
    } catch (IOException e) {
      throw new ModelFileException(what + " " + resource + " cannot be read: " + e.getMessage(), e);
    }
  }

  private static Model<?> read(InputStream raw, String what, String writtenBy) {
    try {
      var in = new BufferedInputStream(raw);
      in.mark(2);
      boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
      in.reset();
      return Model.deserializeFromStream(gzip ? new GZIPInputStream(in) : in);
    } catch (IOException | RuntimeException e) {
      throw new ModelFileException(what + " is not a Tribuo model in protobuf format (Model.serializeToFile; "
          + writtenBy + " writes one): " + e, e);
    }
  }

  /** {@code model} as a probabilistic classifier that knows {@code requiredLabel}, or why not. */
  @SuppressWarnings("unchecked")
  private static Model<Label> classifier(Model<?> model, String what, String requiredLabel) {
    if (!model.validate(Label.class)) {
      throw new ModelFileException(what + " is a Tribuo model but not a classification model (it predicts "
          + model.getOutputIDInfo().getDomain() + ")", null);
    }
    Model<Label> labels = (Model<Label>) model;
    if (labels.getOutputIDInfo().getID(new Label(requiredLabel)) < 0) {
      throw new ModelFileException(what + " has no '" + requiredLabel + "' label (its labels: "
          + labels.getOutputIDInfo().getDomain() + ")", null);
    }
    if (!model.generatesProbabilities()) throw new ModelFileException(what + " does not produce probabilities", null);
    return labels;
  }
}
