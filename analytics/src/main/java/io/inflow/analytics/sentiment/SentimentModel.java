package io.inflow.analytics.sentiment;

import java.util.Map;

/** A trained classifier over {@link SentimentAnalyzer}'s features. */
public interface SentimentModel {

  /** @param score P(positive) − P(negative) */
  record Prediction(SentimentLabel label, double score) {}

  Prediction predict(Map<String, Double> features);

  /** Where the model came from (a file name, "trained in process", …). */
  String source();
}
