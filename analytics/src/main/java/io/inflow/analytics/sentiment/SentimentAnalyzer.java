package io.inflow.analytics.sentiment;

import io.inflow.protocol.event.CommentSentiment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Classifies a comment: its language, then, for Polish and English, a valence from the
 * {@link Lexicon}. Other languages are reported as such with a neutral result (no guessing); a
 * comment without words (emoji, emoticons) is judged from those and reported as {@code und}.
 *
 * <h2>The lexicon score</h2>
 * Each word is looked up by its base form ({@link Lemmas}: Morfologik lemmas for Polish, so
 * "najgorszego" counts as "zły"; regular suffixes stripped for English), also with letters
 * repeated three or more times collapsed ("suuuper"). Its valence is then:
 * <ul>
 *   <li>multiplied by an intensifier or downtoner among the two words before it ("bardzo", "a bit");
 *   <li>flipped and weakened (× {@value #NEGATION}) by a negator among the three words before it,
 *       within the clause ("nie polecam", "not bad at all");
 *   <li>multiplied by {@value #EMPHASIS} when written in capitals inside a text that is not, or
 *       elongated;
 *   <li>halved before a contrast word ("ładne, ale…", "…but") and × 1.5 after the last one.
 * </ul>
 * Emoji and emoticons add their own valence. Exclamation marks (up to four) push the sum
 * further in its direction; a question with no exclamation counts × {@value #QUESTION} (asking is
 * mostly neutral).
 * The score is {@code sum / sqrt(sum² + 15)} in (-1, 1), and the label is positive at or above
 * {@link #threshold()}, negative at or below its negative, neutral between.
 */
public final class SentimentAnalyzer {
  static final double NEGATION = -0.74;
  static final double EMPHASIS = 1.3;
  static final double QUESTION = 0.4;
  static final double DEFAULT_THRESHOLD = 0.2;
  private static final double ALPHA = 15;
  private static volatile SentimentAnalyzer shared;

  private final Lexicon lexicon;
  private final Lemmas lemmas;
  private final LanguageIdentifier languages;
  private final SentimentModel model;

  private SentimentAnalyzer(Lexicon lexicon, SentimentModel model) {
    this.lexicon = lexicon;
    this.lemmas = new Lemmas(lexicon);
    this.languages = new LanguageIdentifier(lexicon, lemmas);
    this.model = model;
  }

  /** The analyser with the shipped lexicon and no trained model. */
  public static SentimentAnalyzer lexiconOnly() {
    SentimentAnalyzer a = shared;
    if (a == null) {
      synchronized (SentimentAnalyzer.class) {
        if (shared == null) shared = new SentimentAnalyzer(Lexicon.shared(), null);
        a = shared;
      }
    }
    return a;
  }

  /** An analyser whose labels come from a trained model (features from the same lexicon). */
  public static SentimentAnalyzer withModel(SentimentModel model) {
    return new SentimentAnalyzer(Lexicon.shared(), model);
  }

  /** The trained model in use, or null for the lexicon score alone. */
  public SentimentModel model() {
    return model;
  }

  public double threshold() {
    return DEFAULT_THRESHOLD;
  }

  /**
   * Short comments repeat a lot ("Super!", "Love it 😍", "Pierwsza!"): each thread remembers the
   * classification of up to {@value #SHORT_CACHED} texts of at most {@value #SHORT} chars (then it
   * starts over). The analysis is deterministic, so this changes no result.
   */
  static final int SHORT = 40;
  static final int SHORT_CACHED = 10_000;
  private final ThreadLocal<java.util.HashMap<String, CommentSentiment>> shortTexts =
      ThreadLocal.withInitial(() -> new java.util.HashMap<>(1024));

  /** What a comment becomes at ingest. */
  public CommentSentiment classify(String text) {
    if (text.length() > SHORT) return classifyNow(text);
    java.util.HashMap<String, CommentSentiment> cache = shortTexts.get();
    CommentSentiment known = cache.get(text);
    if (known != null) return known;
    CommentSentiment c = classifyNow(text);
    if (cache.size() >= SHORT_CACHED) cache.clear();
    cache.put(text, c);
    return c;
  }

  private CommentSentiment classifyNow(String text) {
    Analysis a = analyze(text, model != null); // the feature map only when a model reads it
    return new CommentSentiment(a.language(), a.label().wireName(), round(a.score()), a.terms());
  }

  private static double round(double score) {
    return Math.round(score * 1000) / 1000.0;
  }

  /**
   * @param language ISO 639-1 code or {@code und}
   * @param label the label (the model's when there is one)
   * @param score -1 … +1 (the model's P(positive) − P(negative) when there is one)
   * @param lexiconScore the lexicon score whatever the model
   * @param terms content lemmas of a negative comment (stop words removed, at most 5)
   * @param features what a trained model reads (see {@link #features})
   */
  public record Analysis(String language, SentimentLabel label, double score, double lexiconScore,
      List<String> terms, Map<String, Double> features) {}

  public Analysis analyze(String text) {
    return analyze(text, true);
  }

  /** @param withFeatures false leaves {@link Analysis#features()} empty (ingest without a model) */
  private Analysis analyze(String text, boolean withFeatures) {
    List<Tokenizer.Token> tokens = Tokenizer.tokenize(text, lexicon);
    String language = languages.identify(text, tokens);
    boolean polish = language.equals("pl");
    boolean scored = polish || language.equals("en") || language.equals(LanguageIdentifier.UNDETERMINED);
    Scan scan = scored ? scan(tokens, polish, language.equals("en")) : Scan.EMPTY;
    double score = scan.sum / Math.sqrt(scan.sum * scan.sum + ALPHA);
    SentimentLabel label = !scored ? SentimentLabel.NEUTRAL : labelOf(score, threshold());
    Map<String, Double> features = !withFeatures ? Map.of()
        : scored ? features(language, scan, score) : Map.of("lang:other", 1.0);
    double finalScore = score;
    if (model != null && scored) {
      SentimentModel.Prediction p = model.predict(features);
      label = p.label();
      finalScore = p.score();
    }
    if (!scored) finalScore = 0;
    List<String> terms = label == SentimentLabel.NEGATIVE ? topTerms(scan) : List.of();
    return new Analysis(language, label, finalScore, score, terms, features);
  }

  static SentimentLabel labelOf(double score, double threshold) {
    if (score >= threshold) return SentimentLabel.POSITIVE;
    if (score <= -threshold) return SentimentLabel.NEGATIVE;
    return SentimentLabel.NEUTRAL;
  }

  /** One word's reading: its term (lemma) and valence before modifiers. */
  private record Reading(String term, double valence, boolean stop) {}

  /** The walk over a comment's tokens. */
  private static final class Scan {
    static final Scan EMPTY = new Scan();
    double sum, positive, negative, emojiPositive, emojiNegative;
    int negations, exclamations, questions, shouted, elongated, words;
    /** Terms in order, with the valence each contributed (negative first when listing). */
    final Map<String, Double> terms = new LinkedHashMap<>();
  }

  private Scan scan(List<Tokenizer.Token> tokens, boolean polish, boolean english) {
    Scan s = new Scan();
    int lastContrast = -1;
    for (int i = 0; i < tokens.size(); i++) {
      Tokenizer.Token t = tokens.get(i);
      if (t.kind() == Tokenizer.Kind.WORD && isContrast(t.text(), polish, english)) lastContrast = i;
    }
    double[] valences = new double[tokens.size()];
    Reading[] readings = new Reading[tokens.size()];
    for (int i = 0; i < tokens.size(); i++) {
      Tokenizer.Token t = tokens.get(i);
      switch (t.kind()) {
        case EXCLAMATION -> s.exclamations++;
        case QUESTION -> s.questions++;
        case EMOJI, EMOTICON -> {
          Double v = t.kind() == Tokenizer.Kind.EMOJI ? lexicon.emoji.get(t.text()) : lexicon.emoticons.get(t.text());
          if (v != null) {
            valences[i] = v;
            if (v > 0) s.emojiPositive += v; else s.emojiNegative -= v;
          }
        }
        case WORD, HASHTAG -> {
          s.words++;
          Reading r = read(t, polish, english);
          readings[i] = r;
          if (r.valence() == 0) continue;
          double v = r.valence();
          v *= modifier(tokens, i, polish, english, s);
          if (t.shouted() || t.elongated()) v *= EMPHASIS;
          valences[i] = v;
        }
        default -> { }
      }
      if (t.shouted()) s.shouted++;
      if (t.elongated()) s.elongated++;
    }
    for (int i = 0; i < tokens.size(); i++) {
      double v = valences[i];
      if (lastContrast >= 0) v *= i < lastContrast ? 0.5 : 1.5;
      s.sum += v;
      if (readings[i] != null && valences[i] < 0 && tokens.get(i).kind() != Tokenizer.Kind.EMOJI) s.negative -= v;
      if (readings[i] != null && valences[i] > 0) s.positive += v;
      Reading r = readings[i];
      if (r != null && !r.stop() && r.term() != null) s.terms.merge(r.term(), v, Double::sum);
    }
    if (s.sum != 0 && s.exclamations > 0) s.sum += Math.signum(s.sum) * Math.min(4, s.exclamations) * 0.292;
    if (s.questions > 0 && s.exclamations == 0) s.sum *= QUESTION;
    return s;
  }

  /** The product of intensifiers before word {@code i}, × {@link #NEGATION} when negated. */
  private double modifier(List<Tokenizer.Token> tokens, int i, boolean polish, boolean english, Scan s) {
    double factor = 1;
    int seen = 0;
    boolean negated = false;
    for (int k = i - 1; k >= 0 && seen < 3; k--) {
      Tokenizer.Token t = tokens.get(k);
      if (t.kind() == Tokenizer.Kind.BREAK || t.kind() == Tokenizer.Kind.EXCLAMATION || t.kind() == Tokenizer.Kind.QUESTION) break;
      if (t.kind() != Tokenizer.Kind.WORD) continue;
      seen++;
      String w = t.text();
      if (isContrast(w, polish, english)) break;
      if (seen <= 2) {
        Double f = intensifier(w, polish, english);
        if (f == null && k > 0 && tokens.get(k - 1).kind() == Tokenizer.Kind.WORD) {
          f = intensifier(tokens.get(k - 1).text() + " " + w, polish, english);
        }
        if (f != null) factor *= seen == 1 ? f : 1 + (f - 1) * 0.8;
      }
      if (!negated && isNegator(w, polish, english)) {
        negated = true;
        s.negations++;
      }
    }
    return negated ? factor * NEGATION : factor;
  }

  /** Polish comments use English intensifiers too ("so", "super"), not the other way round. */
  private Double intensifier(String w, boolean polish, boolean english) {
    Double f = polish ? lexicon.intensifiersPl.get(w) : null;
    return f != null || !(polish || english) ? f : lexicon.intensifiersEn.get(w);
  }

  private boolean isNegator(String w, boolean polish, boolean english) {
    if (english) return lexicon.negatorsEn.contains(w);
    if (!polish) return false;
    if (lexicon.negatorsPl.contains(w)) return true;
    String lemma = lemmas.polish(w);
    return lemma != null && lexicon.negatorsPl.contains(lemma);
  }

  private boolean isContrast(String w, boolean polish, boolean english) {
    return polish ? lexicon.contrastPl.contains(w) : english && lexicon.contrastEn.contains(w);
  }

  private Reading read(Tokenizer.Token t, boolean polish, boolean english) {
    String w = t.text();
    List<String> forms = t.elongated() ? List.of(w, Tokenizer.collapse(w, 2), Tokenizer.collapse(w, 1)) : List.of(w);
    if (polish) {
      String firstLemma = null;
      for (String f : forms) {
        String lemma = lemmas.polish(f);
        if (lemma != null) {
          Double v = lexicon.polish.get(lemma);
          if (v != null) return new Reading(lemma, v, false);
          if (firstLemma == null) firstLemma = lemma;
        }
      }
      for (String f : forms) {
        Double v = lexicon.polish.get(f);
        if (v != null) return new Reading(f, v, false);
      }
      // "niepolecany", "nieuczciwa": a negated form the lexicon knows positively or negatively
      if (firstLemma != null && firstLemma.startsWith("nie") && firstLemma.length() > 5) {
        Double v = lexicon.polish.get(firstLemma.substring(3));
        if (v != null) return new Reading(firstLemma, v * NEGATION, false);
      }
      if (firstLemma == null) {
        for (String f : forms) {
          String lemma = lemmas.polishFolded(f);
          if (lemma != null) return new Reading(lemma, lexicon.polish.get(lemma), false);
        }
        for (String f : forms) {
          String en = lemmas.englishKnown(f);
          if (en != null) return new Reading(en, lexicon.english.get(en), false);
        }
      }
      String term = firstLemma != null ? firstLemma : forms.get(forms.size() - 1);
      return new Reading(term, 0, isStop(w, term, true));
    }
    for (String f : forms) {
      String en = lemmas.englishKnown(f);
      if (en != null) return new Reading(en, lexicon.english.get(en), false);
    }
    String term = lemmas.englishTerm(forms.get(forms.size() - 1));
    return new Reading(term, 0, isStop(w, term, false));
  }

  private boolean isStop(String word, String term, boolean polish) {
    Set<String> stop = polish ? lexicon.stopPl : lexicon.stopEn;
    if (stop.contains(word) || stop.contains(term)) return true;
    if (term.length() < 3) return true;
    for (int i = 0; i < term.length(); i++) {
      if (Character.isLetter(term.charAt(i))) {
        return (polish ? lexicon.negatorsPl : lexicon.negatorsEn).contains(term)
            || (polish ? lexicon.intensifiersPl : lexicon.intensifiersEn).containsKey(term)
            || (polish ? lexicon.contrastPl : lexicon.contrastEn).contains(term);
      }
    }
    return true; // digits only
  }

  /** A negative comment's terms: the most negative first, then the rest in order, at most 5. */
  private static List<String> topTerms(Scan s) {
    Set<String> out = new LinkedHashSet<>();
    s.terms.entrySet().stream().filter(e -> e.getValue() < 0)
        .sorted(Map.Entry.comparingByValue())
        .forEach(e -> out.add(e.getKey()));
    out.addAll(s.terms.keySet());
    List<String> list = new ArrayList<>(out);
    return list.size() > CommentSentiment.MAX_TERMS ? List.copyOf(list.subList(0, CommentSentiment.MAX_TERMS)) : List.copyOf(list);
  }

  /**
   * What a trained model reads: the lexicon's sums and counts, the language, and one feature per
   * content lemma ({@code w:lemma}, 1).
   */
  private static Map<String, Double> features(String language, Scan s, double score) {
    Map<String, Double> f = new LinkedHashMap<>();
    f.put("lex:score", score);
    f.put("lex:sum", s.sum);
    f.put("lex:positive", s.positive);
    f.put("lex:negative", s.negative);
    f.put("emoji:positive", s.emojiPositive);
    f.put("emoji:negative", s.emojiNegative);
    f.put("negations", (double) s.negations);
    f.put("exclamations", (double) Math.min(4, s.exclamations));
    f.put("questions", (double) Math.min(4, s.questions));
    f.put("emphasis", (double) (s.shouted + s.elongated));
    f.put("lang:" + language, 1.0);
    for (String term : s.terms.keySet()) f.put("w:" + term, 1.0);
    return f;
  }
}
