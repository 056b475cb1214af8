package org.icakg.bench;

import java.util.List;

/**
 * How many entities of each kind a synthetic graph of a given size holds, and how their IRIs are spelled.
 * Reference entities grow slowly with the size; meetings and commitments fill the rest.
 */
public final class Population {

    /** The real states first (the partnership), then synthetic ones. */
    static final List<String> REAL_STATES = List.of("india", "kazakhstan", "kyrgyzstan", "tajikistan", "turkmenistan",
            "uzbekistan");
    private static final List<String> REAL_STATE_NAMES = List.of("India", "Kazakhstan", "Kyrgyzstan", "Tajikistan",
            "Turkmenistan", "Uzbekistan");
    private static final List<String> REAL_ISO = List.of("IN", "KZ", "KG", "TJ", "TM", "UZ");
    private static final List<String> REAL_REGIONS = List.of("central-asia", "south-asia");

    final int states, regions, minerals, threats, forums, corridors;
    int meetings;

    private Population(long triples) {
        states = REAL_STATES.size() + (int) (triples / 50_000);
        regions = REAL_REGIONS.size() + (int) (triples / 500_000);
        minerals = 12 + (int) (triples / 20_000);
        threats = 8 + (int) (triples / 50_000);
        forums = 4 + (int) (triples / 20_000);
        corridors = 4 + (int) (triples / 4_000);
    }

    static Population forTriples(long triples) { return new Population(triples); }

    public int states() { return states; }

    public int meetings() { return meetings; }

    public int commitments() { return meetings * 2; }

    public int corridors() { return corridors; }

    static String stateSlug(int s) { return s < REAL_STATES.size() ? REAL_STATES.get(s) : "state-" + s; }

    static String stateName(int s) { return s < REAL_STATES.size() ? REAL_STATE_NAMES.get(s) : "Synthetic State " + s; }

    /** A two-letter code, unique per state: the real ones, then X-codes. */
    static String isoCode(int s) {
        if (s < REAL_ISO.size())
            return REAL_ISO.get(s);
        int k = s - REAL_ISO.size();
        return "" + (char) ('X' + k / 26 % 3) + (char) ('A' + k % 26);
    }

    /** India is in South Asia, the five republics in Central Asia, synthetic states anywhere. */
    static int regionOf(int state, int regions) {
        return state == 0 ? 1 : state < REAL_STATES.size() ? 0 : state % regions;
    }

    static String regionSlug(int r) { return r < REAL_REGIONS.size() ? REAL_REGIONS.get(r) : "region-" + r; }

    static String regionName(int r) { return r == 0 ? "Central Asia" : r == 1 ? "South Asia" : "Synthetic Region " + r; }

    static String provinceSlug(int state, int province) { return stateSlug(state) + "-province-" + province; }

    static String citySlug(int state, int province, int city) {
        return provinceSlug(state, province) + "-" + (city == 0 ? "port" : "city-" + city);
    }
}
