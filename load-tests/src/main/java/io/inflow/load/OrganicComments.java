package io.inflow.load;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Comments real followers write: mostly specific sentences (about the thing shown, a question, a
 * greeting from a town, a memory, tagging a friend), so exact repeats are rare; plus the short
 * reactions ("Super!", "😍") every audience also posts, which do repeat. Polish (60%) and English,
 * composed from slots so that an influencer's few hundred comments hold a few hundred different
 * texts, as real ones do. A fixed pool of sentences would repeat every text many times and make
 * honest audiences look like comment bots.
 */
public final class OrganicComments {

  private OrganicComments() {}

  private static final List<String> REACTIONS_PL =
      List.of("Super!", "Pięknie 😍", "Wow", "❤️", "Cudne", "Ekstra!", "🔥🔥", "Brawo!", "Sztos", "Petarda 🔥");
  private static final List<String> REACTIONS_EN =
      List.of("Nice", "Love it", "So cute 😍", "🔥🔥🔥", "Wow", "Amazing", "Yes!", "Gorgeous");

  private static final List<String> OPENERS_PL = List.of("", "", "", "Ojej, ", "Serio, ", "Haha ", "Kurczę, ", "No i ");
  private static final List<String> OPENERS_EN = List.of("", "", "", "Omg ", "Honestly ", "Haha ", "Wait, ", "Ok ");
  private static final List<String> ENDINGS = List.of("", "", "!", "!!", " 😍", " 🔥", " :)", " ❤️", "...", " 👏");

  private static final List<String> THINGS_PL = List.of("Ta sukienka", "Ten widok", "To miejsce", "Ten przepis",
      "Ta kurtka", "Ten kolor", "Ten film", "Ta fryzura", "Ten makijaż", "To ujęcie", "Ta muzyka", "Ten trening",
      "Ten montaż", "To światło");
  private static final List<String> PREDICATES_PL = List.of("robi robotę", "mnie zachwyca", "wymiata", "to sztos",
      "mnie rozbraja", "zasługuje na więcej wyświetleń", "przypomina mi wakacje", "poprawił mi dzień",
      "to mistrzostwo świata");
  private static final List<String> WANTED_PL = List.of("tę sukienkę", "ten sweter", "te buty", "tę torebkę",
      "ten kubek", "ten plecak", "te słuchawki", "ten krem", "te okulary", "ten statyw");
  private static final List<String> ASK_TAILS_PL = List.of("", " Podasz link?", " Też taką chcę", " Jaki rozmiar?",
      " Była droga?");
  private static final List<String> CITIES_PL = List.of("Krakowa", "Gdańska", "Poznania", "Wrocławia", "Łodzi",
      "Lublina", "Szczecina", "Torunia", "Rzeszowa", "Opola", "Białegostoku", "Zakopanego", "Sopotu", "Katowic");
  private static final List<String> PRAISE_PL = List.of("zawsze czekam na nowe filmy", "nigdy mnie nie zawiodłaś",
      "jesteś najlepsza", "dalej trzymasz poziom", "coraz lepiej ci idzie", "to mój ulubiony kanał");
  private static final List<String> DISHES_PL = List.of("sernik", "makaron", "gulasz", "chlebek bananowy",
      "pierogi", "krem z dyni", "omlet", "tiramisu", "placki", "ramen");
  private static final List<String> RESULTS_PL = List.of("wyszedł obłędnie", "rodzina zjadła w 5 minut",
      "trochę mi się przypalił", "dodałam więcej czosnku", "robię drugi raz", "mąż prosi o jeszcze");

  private static final List<String> THINGS_EN = List.of("This dress", "The view", "This place", "This recipe",
      "That jacket", "The colour grading", "This edit", "Your hair", "The makeup", "This shot", "The music",
      "This workout", "The lighting");
  private static final List<String> PREDICATES_EN = List.of("is everything", "made my day", "is so underrated",
      "deserves more views", "reminds me of summer", "hits different", "is unreal", "is goals");
  private static final List<String> WANTED_EN = List.of("that sweater", "those shoes", "this bag", "that mug",
      "the backpack", "those headphones", "that serum", "the sunglasses", "your tripod");
  private static final List<String> ASK_TAILS_EN = List.of("", " Link please?", " Need it", " What size?",
      " Was it expensive?");
  private static final List<String> PLACES_EN = List.of("Manchester", "Dublin", "Leeds", "Berlin", "Oslo",
      "Chicago", "Toronto", "Lisbon", "Glasgow", "Cardiff", "Melbourne", "Austin");
  private static final List<String> PRAISE_EN = List.of("always waiting for your uploads", "never disappoints",
      "you're the best", "still the best channel", "getting better every time", "my favourite creator");
  private static final List<String> DISHES_EN = List.of("cheesecake", "pasta", "banana bread", "curry", "soup",
      "pancakes", "tiramisu", "ramen", "brownies", "chili");
  private static final List<String> RESULTS_EN = List.of("turned out amazing", "kids loved it", "burned it a bit",
      "added extra garlic", "making it again tonight", "my partner wants more");

  /** One comment by a real follower. */
  public static String write(SplittableRandom r) {
    boolean polish = r.nextDouble() < 0.6;
    double roll = r.nextDouble();
    if (roll < 0.12) return pick(r, polish ? REACTIONS_PL : REACTIONS_EN);
    if (roll < 0.18) return pick(r, polish ? TextPools.COMMENTS_POLISH : TextPools.COMMENTS_ENGLISH);
    if (roll < 0.26) return tagFriend(r, polish);
    String opener = pick(r, polish ? OPENERS_PL : OPENERS_EN);
    String body = switch (r.nextInt(6)) {
      case 0, 1 -> pick(r, polish ? THINGS_PL : THINGS_EN) + " " + pick(r, polish ? PREDICATES_PL : PREDICATES_EN);
      case 2 -> (polish ? "Skąd masz " + pick(r, WANTED_PL) + "?" + pick(r, ASK_TAILS_PL)
          : "Where did you get " + pick(r, WANTED_EN) + "?" + pick(r, ASK_TAILS_EN));
      case 3 -> (polish ? "Pozdrowienia z " + pick(r, CITIES_PL) : "Greetings from " + pick(r, PLACES_EN));
      case 4 -> years(r, polish) + (polish ? pick(r, PRAISE_PL) : pick(r, PRAISE_EN));
      default -> (polish ? "Zrobiłam " + pick(r, DISHES_PL) + ", " + pick(r, RESULTS_PL)
          : "Made the " + pick(r, DISHES_EN) + ", " + pick(r, RESULTS_EN));
    };
    String text = opener.isEmpty() ? body : opener + Character.toLowerCase(body.charAt(0)) + body.substring(1);
    return text + pick(r, ENDINGS);
  }

  private static String years(SplittableRandom r, boolean polish) {
    int years = 2 + r.nextInt(8);
    if (!polish) return "Watching you for " + years + " years, ";
    return "Oglądam cię od " + years + (years <= 4 ? " lata, " : " lat, ");
  }

  private static String tagFriend(SplittableRandom r, boolean polish) {
    String friend = mention(r);
    List<String> asks = polish
        ? List.of(" zobacz to!", " musimy tam jechać", " to dla ciebie", " pamiętasz?", " robimy w sobotę?")
        : List.of(" look at this!", " we need to go", " this is so you", " remember this?", " saturday?");
    return friend + pick(r, asks);
  }

  /** A handle such as {@code @Ola_42} or {@code @Ola.O}, as people tag friends. */
  public static String mention(SplittableRandom random) {
    String name = TextPools.FIRST_NAMES.get(random.nextInt(TextPools.FIRST_NAMES.size()));
    return "@" + name + (random.nextBoolean() ? "_" + (10 + random.nextInt(90)) : "." + name.charAt(0));
  }

  private static String pick(SplittableRandom r, List<String> list) {
    return list.get(r.nextInt(list.size()));
  }
}
