package org.icakg.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;

import org.apache.jena.graph.Node;
import org.apache.jena.riot.system.StreamRDF;

/**
 * A partnership-shaped knowledge graph of any size, the same for the same seed and size: states in regions,
 * provinces, cities and ports; corridors through them; minerals, threats and forums; meetings of the forums with
 * dates, hosts and participants; commitments made at them with parties and a status. Every statement sits in
 * the named graph of a passage of a synthetic source document, as in the curated data.
 */
public final class SyntheticGraph {

    /** The seed used unless another is given. */
    public static final long DEFAULT_SEED = 20250611L;

    /** Smallest and largest sizes the generator is meant for. */
    public static final long MIN_TRIPLES = 5_000, MAX_TRIPLES = 20_000_000;

    private static final int PASSAGES_PER_DOCUMENT = 100, ENTITIES_PER_PASSAGE = 10;
    private static final int PROVINCES_PER_STATE = 8, CITIES_PER_PROVINCE = 6, COMMITMENTS_PER_MEETING = 2;
    private static final int FIRST_YEAR = 1992, YEARS = 34;

    private final long target;
    private final SplittableRandom random;
    private final Population population;
    private int referenceEntities;

    /** A generator of about {@code target} asserted statements. */
    public SyntheticGraph(long target, long seed) {
        if (target < MIN_TRIPLES || target > MAX_TRIPLES)
            throw new IllegalArgumentException("triples must be between " + MIN_TRIPLES + " and " + MAX_TRIPLES
                    + ", got " + target);
        this.target = target;
        this.random = new SplittableRandom(seed);
        this.population = Population.forTriples(target);
    }

    /** How many entities of each kind this size holds (the query mix picks its parameters among them). */
    public Population population() { return population; }

    /**
     * Sends every statement to {@code out} as quads; {@code progress} hears the running count now and then.
     * Returns the number of statements sent.
     */
    public long generate(StreamRDF out, LongConsumer progress) {
        PassageWriter e = new PassageWriter(out, progress, Math.max(target / 10, 1), PASSAGES_PER_DOCUMENT);
        out.start();
        Terms.prefixes().forEach(out::prefix);
        regionsAndStates(e);
        places(e);
        topics(e);
        int meeting = 0;
        while (e.count() < target)
            meeting(e, meeting++);
        population.meetings = meeting;
        out.finish();
        return e.count();
    }

    /** A typed, labelled reference entity; ten of them share a passage of the gazetteer. */
    private void reference(PassageWriter e, Node entity, Node type, String label) {
        if (referenceEntities % ENTITIES_PER_PASSAGE == 0)
            e.passage("gazetteer", "Synthetic gazetteer",
                    "Entry " + (referenceEntities / ENTITIES_PER_PASSAGE + 1) + " of the gazetteer.");
        referenceEntities++;
        e.entity(entity, type, label);
    }

    private void regionsAndStates(PassageWriter e) {
        for (int r = 0; r < population.regions; r++) {
            Node region = Terms.entity("region", Population.regionSlug(r));
            reference(e, region, Terms.REGION, Population.regionName(r));
        }
        for (int s = 0; s < population.states; s++) {
            Node state = Terms.entity("state", Population.stateSlug(s));
            reference(e, state, Terms.STATE, Population.stateName(s));
            e.link(state, Terms.LOCATED_IN, Terms.entity("region", Population.regionSlug(Population.regionOf(s, population.regions))));
            e.literal(state, Terms.ISO_CODE, Population.isoCode(s));
        }
    }

    private void places(PassageWriter e) {
        for (int s = 0; s < population.states; s++) {
            Node state = Terms.entity("state", Population.stateSlug(s));
            for (int p = 0; p < PROVINCES_PER_STATE; p++) {
                Node province = Terms.entity("region", Population.provinceSlug(s, p));
                reference(e, province, Terms.REGION, Words.placeName(random) + " Province");
                e.link(province, Terms.LOCATED_IN, state);
                for (int c = 0; c < CITIES_PER_PROVINCE; c++) {
                    boolean port = c == 0;
                    Node city = Terms.entity(port ? "port" : "city", Population.citySlug(s, p, c));
                    reference(e, city, port ? Terms.PORT : Terms.CITY, Words.placeName(random) + (port ? " Port" : ""));
                    e.link(city, Terms.LOCATED_IN, province);
                }
            }
        }
    }

    private void topics(PassageWriter e) {
        for (int m = 0; m < population.minerals; m++)
            reference(e, Terms.entity("mineral", "mineral-" + m), Terms.MINERAL, Words.mineral(m));
        for (int t = 0; t < population.threats; t++)
            reference(e, Terms.entity("threat", "threat-" + t), Terms.THREAT, Words.threat(t));
        for (int f = 0; f < population.forums; f++)
            reference(e, Terms.entity("forum", "forum-" + f), Terms.FORUM, Words.forum(f));
        for (int c = 0; c < population.corridors; c++) {
            Node corridor = Terms.entity("corridor", "corridor-" + c);
            reference(e, corridor, Terms.CORRIDOR, Words.placeName(random) + "–" + Words.placeName(random) + " corridor");
            for (Node state : distinctStates(2 + random.nextInt(3)))
                e.link(corridor, Terms.RUNS_THROUGH, state);
            e.link(corridor, Terms.CONNECTS, randomPort());
        }
    }

    private void meeting(PassageWriter e, int n) {
        Node meeting = Terms.entity("meeting", "meeting-" + n);
        int forum = random.nextInt(population.forums);
        List<Node> participants = distinctStates(2 + random.nextInt(4));
        e.passage("record-" + n / PASSAGES_PER_DOCUMENT, "Synthetic record " + n / PASSAGES_PER_DOCUMENT,
                "The " + Words.ordinal(n) + " meeting of " + Words.forum(forum) + " was held.");
        e.entity(meeting, Terms.MEETING, Words.ordinal(n) + " meeting of " + Words.forum(forum));
        e.link(meeting, Terms.MEETING_OF, Terms.entity("forum", "forum-" + forum));
        e.date(meeting, Terms.DATE, FIRST_YEAR + random.nextInt(YEARS), 1 + random.nextInt(12), 1 + random.nextInt(28));
        e.link(meeting, Terms.HELD_IN, randomCity());
        e.link(meeting, Terms.HOSTED_BY, participants.get(0));
        for (Node state : participants)
            e.link(meeting, Terms.PARTICIPANT, state);
        e.link(meeting, Terms.DISCUSSED, Terms.entity("mineral", "mineral-" + random.nextInt(population.minerals)));
        e.link(meeting, Terms.DISCUSSED, Terms.entity("threat", "threat-" + random.nextInt(population.threats)));
        for (int c = 0; c < COMMITMENTS_PER_MEETING; c++)
            commitment(e, meeting, n * COMMITMENTS_PER_MEETING + c, participants);
    }

    private void commitment(PassageWriter e, Node meeting, int n, List<Node> participants) {
        Node commitment = Terms.entity("commitment", "commitment-" + n);
        Node topic = random.nextBoolean()
                ? Terms.entity("corridor", "corridor-" + random.nextInt(population.corridors))
                : Terms.entity("mineral", "mineral-" + random.nextInt(population.minerals));
        e.entity(commitment, Terms.COMMITMENT, Words.commitment(random) + " (" + n + ")");
        e.link(commitment, Terms.MADE_AT, meeting);
        e.link(commitment, Terms.PARTY, participants.get(0));
        e.link(commitment, Terms.PARTY, participants.get(1));
        e.link(commitment, Terms.STATUS, Terms.STATUSES.get(random.nextInt(Terms.STATUSES.size())));
        e.link(commitment, Terms.CONCERNS, topic);
    }

    private List<Node> distinctStates(int k) {
        List<Node> out = new ArrayList<>();
        int first = random.nextInt(population.states), step = 1 + random.nextInt(population.states - 1);
        for (int i = 0; i < Math.min(k, population.states); i++)
            out.add(Terms.entity("state", Population.stateSlug((first + i * step) % population.states)));
        return out.stream().distinct().toList();
    }

    /** A city that is not a port: meetings are held in cities. */
    private Node randomCity() {
        int s = random.nextInt(population.states), p = random.nextInt(PROVINCES_PER_STATE);
        int c = 1 + random.nextInt(CITIES_PER_PROVINCE - 1);
        return Terms.entity("city", Population.citySlug(s, p, c));
    }

    private Node randomPort() {
        return Terms.entity("port", Population.citySlug(random.nextInt(population.states),
                random.nextInt(PROVINCES_PER_STATE), 0));
    }
}
