package io.inflow.analytics.fraud.accounts;

import io.inflow.analytics.eval.TribuoFiles;
import io.inflow.protocol.event.AudienceAccount;
import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.dtree.impurity.GiniIndex;
import org.tribuo.classification.ensemble.FullyWeightedVotingCombiner;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.impl.ArrayExample;

/**
 * The trained account classifier: a Tribuo random forest over {@link AccountFeatures} that gives
 * the probability an account is suspicious (a bot or a bought follower), plus two rules on top.
 * An account following more than {@link #massFollowingAbove()} others is a {@link
 * AccountType#MASS_FOLLOWER} whatever the model says; otherwise it is {@link AccountType#SUSPICIOUS}
 * when the probability is at least {@link #threshold()}, else {@link AccountType#REAL}. The
 * probability is reported in every case.
 *
 * <p>Immutable and thread-safe (Tribuo models are safe for concurrent prediction): load it once
 * per process and share it. Models are stored in Tribuo's protobuf format ({@code
 * Model.serializeToStream}), gzip-compressed by {@link #save(Path)} (a forest's protobuf shrinks
 * tenfold); {@link #load(Path)} reads either form. {@link #shipped()} is the one trained on the
 * documented generator data (load-tests/README.md, "Labelled follower accounts").
 */
public final class AccountClassifier implements AccountScorer {

  /** Accounts following more than this many are mass followers (the rule of issue 5). */
  public static final long DEFAULT_MASS_FOLLOWING_ABOVE = 1_500;
  public static final double DEFAULT_THRESHOLD = 0.5;
  /** The label the model predicts for bots and bought accounts, and for real people. */
  public static final String SUSPICIOUS_LABEL = "suspicious";
  public static final String REAL_LABEL = "real";
  /** The shipped model, a classpath resource of this module. */
  public static final String SHIPPED_RESOURCE = "/io/inflow/analytics/fraud/accounts/account-classifier.tribuo.gz";

  // The forest: enough trees for smooth probabilities (the AUC ranks by them), shallow enough that
  // the compressed model file stays near 250 KB (≈ 2.4 MB uncompressed). Half of the features are
  // tried at each split. Measured on generator data (seed 1001, 20,000 accounts; fresh seed 424242):
  // 40 trees of depth 9 with leaves of ≥ 5 accounts were no better and 2.6 times the size.
  static final int TREES = 10;
  static final int MAX_DEPTH = 8;
  static final float MIN_CHILD_WEIGHT = 20f;
  static final float FEATURE_FRACTION_PER_SPLIT = 0.5f;

  private static final LabelFactory LABELS = new LabelFactory();

  private final Model<Label> model;
  /** The same model read tree by tree on one feature vector, when it is a forest; else null. */
  private final Forest forest;
  private final long massFollowingAbove;
  private final double threshold;

  private AccountClassifier(Model<Label> model, long massFollowingAbove, double threshold) {
    if (massFollowingAbove < 0) throw new IllegalArgumentException("massFollowingAbove must be ≥ 0, got " + massFollowingAbove);
    if (!(threshold > 0 && threshold <= 1)) throw new IllegalArgumentException("threshold must be in (0, 1], got " + threshold);
    this.model = Objects.requireNonNull(model, "model");
    this.forest = Forest.of(model);
    this.massFollowingAbove = massFollowingAbove;
    this.threshold = threshold;
  }

  /** The model shipped in this module, with the default rule and threshold. */
  public static AccountClassifier shipped() {
    try {
      return of(TribuoFiles.resource(AccountClassifier.class, SHIPPED_RESOURCE, "the shipped account model",
          SUSPICIOUS_LABEL), "the shipped account model " + SHIPPED_RESOURCE);
    } catch (TribuoFiles.ModelFileException e) {
      throw new AccountModelException(e.getMessage(), e);
    }
  }

  /** A model saved by {@link #save(Path)} (or any Tribuo classification model over {@link AccountFeatures}). */
  public static AccountClassifier load(Path file) {
    String source = "the account model file " + file.toAbsolutePath();
    try {
      return of(TribuoFiles.load(file, source, "./inflow train accounts", SUSPICIOUS_LABEL), source);
    } catch (TribuoFiles.ModelFileException e) {
      throw new AccountModelException(e.getMessage(), e);
    }
  }

  /** Writes the model in Tribuo's protobuf format, gzip-compressed. */
  public void save(Path file) throws IOException {
    TribuoFiles.save(model, file);
  }

  /** A random forest trained on {@code accounts}; the same accounts and seed give the same model. */
  public static AccountClassifier train(List<LabelledAccount> accounts, long seed) {
    if (accounts.stream().map(LabelledAccount::suspicious).distinct().count() < 2) {
      throw new IllegalArgumentException("training needs both real and suspicious accounts");
    }
    var data = new MutableDataset<>(new SimpleDataSourceProvenance("labelled accounts", OffsetDateTime.now(), LABELS), LABELS);
    for (LabelledAccount labelled : accounts) {
      data.add(example(new Label(labelled.suspicious() ? SUSPICIOUS_LABEL : REAL_LABEL), labelled.account()));
    }
    var tree = new CARTClassificationTrainer(MAX_DEPTH, MIN_CHILD_WEIGHT, 0f, FEATURE_FRACTION_PER_SPLIT, false,
        new GiniIndex(), seed);
    var forest = new RandomForestTrainer<>(tree, new FullyWeightedVotingCombiner(), TREES, seed);
    return new AccountClassifier(forest.train(data), DEFAULT_MASS_FOLLOWING_ABOVE, DEFAULT_THRESHOLD);
  }

  /** The same model with another mass-follower rule: following more than {@code following} others. */
  public AccountClassifier withMassFollowingAbove(long following) {
    return new AccountClassifier(model, following, threshold);
  }

  /** The same model with another decision threshold on the suspicious probability, in (0, 1]. */
  public AccountClassifier withThreshold(double suspiciousAtLeast) {
    return new AccountClassifier(model, massFollowingAbove, suspiciousAtLeast);
  }

  public long massFollowingAbove() {
    return massFollowingAbove;
  }

  public double threshold() {
    return threshold;
  }

  /** The model's probability (0–1) that {@code account} is not a real person. */
  public double suspiciousProbability(AudienceAccount account) {
    Example<Label> example = example(LabelFactory.UNKNOWN_LABEL, account);
    return forest != null ? forest.suspicious(example) : tribuoProbability(model, example);
  }

  /** Tribuo's own prediction (what {@link Forest} must equal). */
  static double tribuoProbability(Model<Label> model, Example<Label> example) {
    Prediction<Label> prediction = model.predict(example);
    Label suspicious = prediction.getOutputScores().get(SUSPICIOUS_LABEL);
    return suspicious == null ? 0 : suspicious.getScore();
  }

  /** The Tribuo model. */
  Model<Label> model() {
    return model;
  }

  /** Whether predictions take the forest path (see {@link Forest}). */
  boolean readsTreeByTree() {
    return forest != null;
  }

  /**
   * A random forest read tree by tree on one feature vector. Tribuo's ensemble maps the example's
   * feature names to ids once per tree (a third of the ingest cost of audience samples in a
   * profile); here the vector is built once and each tree's nodes walk it, and the leaves'
   * label distributions are averaged as the forest's voting combiner does. Used only when the
   * model is an ensemble of trees over one feature map and it agrees with Tribuo's own prediction
   * on a set of probe accounts at load; otherwise Tribuo predicts.
   */
  private static final class Forest {
    private final org.tribuo.ImmutableFeatureMap features;
    private final List<org.tribuo.common.tree.Node<Label>> roots;

    private Forest(org.tribuo.ImmutableFeatureMap features, List<org.tribuo.common.tree.Node<Label>> roots) {
      this.features = features;
      this.roots = roots;
    }

    static Forest of(Model<Label> model) {
      if (!(model instanceof org.tribuo.ensemble.WeightedEnsembleModel<Label> ensemble)) return null;
      var features = ensemble.getFeatureIDMap();
      List<org.tribuo.common.tree.Node<Label>> roots = new java.util.ArrayList<>();
      for (Model<Label> member : ensemble.getModels()) {
        if (!(member instanceof org.tribuo.common.tree.TreeModel<Label> tree)) return null;
        for (String name : AccountFeatures.NAMES) {
          if (tree.getFeatureIDMap().getID(name) != features.getID(name)) return null;
        }
        roots.add(tree.getRoot());
      }
      Forest forest = new Forest(features, List.copyOf(roots));
      java.util.Random r = new java.util.Random(1);
      for (int i = 0; i < 200; i++) {
        var probe = example(LabelFactory.UNKNOWN_LABEL, new AudienceAccount("probe", r.nextInt(20_000), r.nextInt(8_000),
            r.nextInt(2_000), r.nextInt(150), r.nextBoolean(), r.nextBoolean(), 3 + r.nextInt(20), r.nextInt(3),
            r.nextBoolean() ? null : r.nextBoolean()));
        if (Math.abs(forest.suspicious(probe) - tribuoProbability(model, probe)) > 1e-9) return null;
      }
      return forest;
    }

    double suspicious(Example<Label> example) {
      var vector = org.tribuo.math.la.SparseVector.createSparseVector(example, features, false);
      double suspicious = 0, total = 0;
      for (org.tribuo.common.tree.Node<Label> node : roots) {
        while (!node.isLeaf()) node = node.getNextNode(vector);
        for (Label l : ((org.tribuo.common.tree.LeafNode<Label>) node).getDistribution().values()) {
          total += l.getScore();
          if (l.getLabel().equals(SUSPICIOUS_LABEL)) suspicious += l.getScore();
        }
      }
      return total == 0 ? 0 : suspicious / total;
    }
  }

  @Override
  public AccountVerdict classify(AudienceAccount account) {
    double probability = suspiciousProbability(account);
    AccountType type = account.following() > massFollowingAbove ? AccountType.MASS_FOLLOWER
        : probability >= threshold ? AccountType.SUSPICIOUS
        : AccountType.REAL;
    return new AccountVerdict(account.accountId(), type, probability);
  }

  private static Example<Label> example(Label label, AudienceAccount account) {
    return new ArrayExample<>(label, AccountFeatures.nameArray(), AccountFeatures.values(account));
  }

  /** {@code model} as the account classifier, or why it cannot be one. */
  private static AccountClassifier of(Model<Label> model, String source) {
    var missing = new TreeSet<String>();
    for (String feature : AccountFeatures.NAMES) {
      if (model.getFeatureIDMap().get(feature) == null) missing.add(feature);
    }
    if (!missing.isEmpty()) {
      throw new AccountModelException(source + " was trained on other features (missing " + missing + ")", null);
    }
    return new AccountClassifier(model, DEFAULT_MASS_FOLLOWING_ABOVE, DEFAULT_THRESHOLD);
  }
}
