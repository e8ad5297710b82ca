package io.inflow.analytics.sentiment;

import io.inflow.analytics.eval.TribuoFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * A Tribuo logistic regression over {@link SentimentAnalyzer}'s features (the lexicon's sums and
 * counts, the language, and one feature per content lemma), trained on a user's labelled comments
 * by {@code ./inflow train sentiment}. The lexicon features carry what the user's data is too small
 * to teach; the lemma features learn the user's domain words.
 */
public final class TrainedSentimentModel implements SentimentModel {
  private static final LabelFactory LABELS = new LabelFactory();

  private final Model<Label> model;
  private final String source;

  private TrainedSentimentModel(Model<Label> model, String source) {
    this.model = model;
    this.source = source;
  }

  /** Trains on {@code comments}, analysed with the shipped lexicon; the same input gives the same model. */
  public static TrainedSentimentModel train(List<LabelledComment> comments) {
    if (comments.stream().map(LabelledComment::label).distinct().count() < 2) {
      throw new IllegalArgumentException("training needs comments of at least two labels");
    }
    SentimentAnalyzer analyzer = SentimentAnalyzer.lexiconOnly();
    var data = new MutableDataset<>(new SimpleDataSourceProvenance("labelled comments", OffsetDateTime.now(), LABELS), LABELS);
    for (LabelledComment c : comments) {
      data.add(example(new Label(c.label().wireName()), analyzer.analyze(c.text()).features()));
    }
    return new TrainedSentimentModel(new LogisticRegressionTrainer().train(data), "trained in process");
  }

  /** A model written by {@link #save}. */
  public static TrainedSentimentModel load(Path file) {
    String what = "the sentiment model file " + file.toAbsolutePath();
    return new TrainedSentimentModel(TribuoFiles.load(file, what, "./inflow train sentiment",
        SentimentLabel.NEGATIVE.wireName()), file.toString());
  }

  public void save(Path file) throws IOException {
    TribuoFiles.save(model, file);
  }

  @Override
  public Prediction predict(Map<String, Double> features) {
    org.tribuo.Prediction<Label> p = model.predict(example(LabelFactory.UNKNOWN_LABEL, features));
    SentimentLabel label = SentimentLabel.fromWire(p.getOutput().getLabel());
    return new Prediction(label, probability(p, SentimentLabel.POSITIVE) - probability(p, SentimentLabel.NEGATIVE));
  }

  private static double probability(org.tribuo.Prediction<Label> p, SentimentLabel label) {
    Label l = p.getOutputScores().get(label.wireName());
    return l == null ? 0 : l.getScore();
  }

  @Override
  public String source() {
    return source;
  }

  private static Example<Label> example(Label label, Map<String, Double> features) {
    String[] names = new String[features.size()];
    double[] values = new double[features.size()];
    int i = 0;
    for (Map.Entry<String, Double> f : features.entrySet()) {
      names[i] = f.getKey();
      values[i++] = f.getValue();
    }
    return new ArrayExample<>(label, names, values);
  }
}
