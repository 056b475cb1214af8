package org.icakg.bench;

import java.util.List;
import java.util.SplittableRandom;

/** Names for synthetic entities: pronounceable place names and topic labels, drawn from a seeded random source. */
final class Words {

    private Words() {}

    private static final List<String> SYLLABLES = List.of("al", "ma", "ta", "bad", "ka", "zan", "tur", "kis", "dush",
            "an", "sam", "ar", "kand", "osh", "nur", "bish", "kek", "ter", "mez", "khu", "jand", "ash", "gab", "hat");
    private static final List<String> MINERALS = List.of("Uranium", "Lithium", "Rare earth elements", "Copper",
            "Gold", "Antimony", "Tungsten", "Cobalt", "Zinc", "Molybdenum", "Vanadium", "Graphite");
    private static final List<String> THREATS = List.of("Terrorism", "Drug trafficking", "Cyber attacks",
            "Radicalisation", "Arms smuggling", "Terror financing", "Money laundering", "Human trafficking");
    private static final List<String> FORUMS = List.of("India–Central Asia Dialogue", "India–Central Asia Summit",
            "India–Central Asia Business Council", "Joint Working Group on Chabahar");
    private static final List<String> ACTIONS = List.of("Expand rail freight through", "Set up a working group on",
            "Hold a joint exercise on", "Train officials in", "Open a consular office for", "Study the use of",
            "Share best practice on", "Fund a feasibility study of");

    static String placeName(SplittableRandom r) {
        StringBuilder b = new StringBuilder();
        int n = 2 + r.nextInt(2);
        for (int i = 0; i < n; i++)
            b.append(SYLLABLES.get(r.nextInt(SYLLABLES.size())));
        return Character.toUpperCase(b.charAt(0)) + b.substring(1);
    }

    static String mineral(int m) { return cycle(MINERALS, m); }

    static String threat(int t) { return cycle(THREATS, t); }

    static String forum(int f) { return cycle(FORUMS, f); }

    static String commitment(SplittableRandom r) {
        return ACTIONS.get(r.nextInt(ACTIONS.size())) + " " + placeName(r);
    }

    /** "1st", "2nd", "3rd", "4th", … */
    static String ordinal(int zeroBased) {
        int n = zeroBased + 1;
        String suffix = (n % 100 >= 11 && n % 100 <= 13) ? "th"
                : switch (n % 10) { case 1 -> "st"; case 2 -> "nd"; case 3 -> "rd"; default -> "th"; };
        return n + suffix;
    }

    /** The list's items, then numbered variants of them ("Copper 2") once they run out. */
    private static String cycle(List<String> names, int i) {
        String name = names.get(i % names.size());
        return i < names.size() ? name : name + " " + (i / names.size() + 1);
    }
}
