package io.inflow.load;

import java.util.List;

/**
 * Fixed word and sentence pools the generator draws from: short Polish and English comments
 * (including the generic and emoji-only kinds fraud scoring looks for), captions, hashtags,
 * creator names and campaign themes. Plain data so generated traffic stays deterministic.
 */
public final class TextPools {

  private TextPools() {}

  public static final List<String> COMMENTS_POLISH =
      List.of(
          "Super film!",
          "Gdzie kupiłaś tę sukienkę?",
          "Świetny materiał, dzięki!",
          "Kod nie działa :(",
          "Zamówiłam wczoraj, czekam na paczkę",
          "Najlepszy przepis jaki widziałam",
          "Ale piękne miejsce 😍",
          "Czy to jest reklama?",
          "Kocham te kolory",
          "Jaki to rozmiar?",
          "Dzięki za kod rabatowy!",
          "Słabe, kiedyś było lepiej",
          "Pozdrowienia z Krakowa!",
          "Możesz zrobić tutorial?",
          "Wow, petarda 🔥",
          "Nie polecam tej firmy, paczka przyszła uszkodzona",
          "Zazdroszczę wyjazdu",
          "Fajnie się ogląda, tak trzymaj",
          "Ile to kosztowało?",
          "Najgorsza współpraca w historii kanału",
          "Cudowne zdjęcia",
          "Wreszcie ktoś to powiedział",
          "Pierwsza!",
          "Super 👍");

  public static final List<String> COMMENTS_ENGLISH =
      List.of(
          "Love this!",
          "Where did you get that jacket?",
          "So cute 😍",
          "Great video, thanks for sharing",
          "Is the code still working?",
          "Nice",
          "Amazing content as always",
          "This is an ad, right?",
          "Just ordered, can't wait",
          "Not your best one honestly",
          "Can you do a tutorial on this?",
          "🔥🔥🔥",
          "First!",
          "The product broke after two days, avoid",
          "Wow, what a view",
          "Follow me back pls",
          "Check my profile for free followers",
          "You deserve more followers",
          "❤️❤️",
          "Totally agree with this",
          "Which camera do you use?",
          "Worst brand deal ever");

  public static final List<String> CAPTIONS =
      List.of(
          "Nowy dzień, nowe wyzwania",
          "Mój poranny rytuał",
          "Weekend w górach",
          "Testuję nowości z drogerii",
          "Przepis na szybki obiad",
          "Trening na dziś",
          "Morning routine",
          "Unboxing time",
          "Outfit of the day",
          "Behind the scenes",
          "Trying this for the first time",
          "Road trip diaries",
          "Q&A: your questions answered");

  public static final List<String> HASHTAGS =
      List.of(
          "fitness", "food", "travel", "beauty", "fashion", "ootd", "gaming", "tech", "polska",
          "warszawa", "krakow", "vlog", "review", "tutorial", "motivation", "foodie", "makeup",
          "skincare", "outdoor", "family");

  public static final List<String> SPONSORED_HASHTAGS = List.of("ad", "reklama", "wspolpraca", "sponsored");

  public static final List<String> FIRST_NAMES =
      List.of(
          "kasia", "ania", "ola", "magda", "zosia", "marta", "julia", "tomek", "piotr", "kuba",
          "michal", "bartek", "emma", "olivia", "mia", "liam", "noah", "jack", "lucy", "leo");

  public static final List<String> HANDLE_SUFFIXES =
      List.of(
          "fit", "eats", "travels", "style", "beauty", "gaming", "tech", "vlogs", "cooks", "runs",
          "reads", "makeup", "daily", "home", "outdoors");

  public static final List<String> CAMPAIGN_THEMES =
      List.of(
          "Lato", "Powrót do szkoły", "Black Friday", "Święta", "Spring launch", "Summer drop",
          "Back to gym", "Holiday gifts", "Nowa kolekcja", "Brand awareness");

  public static final List<String> BRANDS =
      List.of(
          "Nordlys", "Zielnik", "Kropla", "UrbanFox", "Morska", "Brightleaf", "Pixelwave",
          "Sowa Cosmetics", "Trailhead", "Miodek");

  public static final List<String> PRODUCTS =
      List.of(
          "serum", "hoodie", "sneakers", "protein", "headphones", "backpack", "tea", "candle",
          "lipstick", "bottle", "jacket", "game", "mug", "cream", "watch");

  /**
   * What engagement pods post under each other's posts: short, generic, positive, fits any post
   * (pods comment without watching). Polish and English.
   */
  public static final List<String> POD_COMMENTS =
      List.of(
          "Amazing! 🔥", "Love this", "Super!", "Świetne!", "So good 😍", "Great post!", "Piękne ❤️",
          "Wow!", "Beautiful 😍", "Love it ❤️", "Super zdjęcie!", "Great content 👏", "Obsessed!",
          "Stunning ✨", "Genialne!", "Yes! 🙌", "Perfect 👌", "Cudo 😍");

  /** Comment-bot templates: generic praise usable under any post, often with a call to action. */
  public static final List<String> BOT_COMMENTS =
      List.of(
          "Nice pic!", "Great post", "Awesome 🔥", "Nice", "Cool", "Wow amazing",
          "Check my profile 😘", "DM us to collaborate!", "Send pic to our page 📩", "Follow back?",
          "Great feed 👍", "Super", "Fajne", "Love your feed", "Keep it up 💪");

  /** Emoji-only comments (also left by real fans, far more often by bots). */
  public static final List<String> EMOJI_ONLY =
      List.of("🔥🔥🔥", "😍😍😍", "❤️❤️", "👏👏", "😍", "🔥", "💯💯", "🙌🙌🙌", "❤️🔥", "👍");
}
