package org.icakg.http;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Content negotiation as one pure function: picks the offer the {@code Accept} header prefers
 * (quality values, wildcards, order of the offers as tie-break). No header, or one with no well-formed media range,
 * means the first offer. The one parser of {@code Accept} headers in the server (a {@code Content-Type} is cut to
 * its media type by {@code Route.baseType}). Jena's {@code AcceptList} was weighed and not taken: in Jena 5.6 it
 * chooses {@code text/plain} for {@code text/plain;q=0, *}{@code /*}, keeps a range whose {@code q} is not a number,
 * and compares media types case-sensitively.
 */
public final class Negotiation {

    private Negotiation() {}

    /** One media range of an Accept header. */
    record Range(String type, String subtype, double q, int order) {
        int specificity() { return type.equals("*") ? 0 : subtype.equals("*") ? 1 : 2; }

        boolean matches(String mediaType) {
            String[] parts = mediaType.split("/", 2);
            return (type.equals("*") || type.equals(parts[0])) && (subtype.equals("*") || subtype.equals(parts[1]));
        }
    }

    /**
     * The media type among {@code offers} that {@code accept} prefers, or empty when it accepts none of them
     * (a 406 for the caller).
     */
    public static Optional<String> choose(String accept, List<String> offers) {
        if (offers.isEmpty())
            return Optional.empty();
        if (accept == null || accept.isBlank())
            return Optional.of(offers.get(0));
        List<Range> ranges = parse(accept);
        if (ranges.isEmpty())
            return Optional.of(offers.get(0));
        String best = null;
        double bestQ = 0;
        for (String offer : offers) {
            Optional<Range> match = ranges.stream().filter(r -> r.matches(offer))
                    .max(Comparator.comparingInt(Range::specificity));
            double q = match.map(Range::q).orElse(0.0);
            if (q > bestQ) {
                best = offer;
                bestQ = q;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The well-formed media ranges of an Accept header, in order. Malformed ones (no subtype, {@code *}{@code /x},
     * characters outside a token, a quality that is not a number from 0 to 1 with at most three decimals) are left
     * out, so that a broken header is never an error: when nothing is left, the caller answers its default.
     */
    static List<Range> parse(String accept) {
        List<Range> ranges = new ArrayList<>();
        String[] items = accept.split(",");
        for (int i = 0; i < items.length; i++) {
            String[] params = items[i].split(";", -1);
            String[] typeSub = params[0].trim().toLowerCase(Locale.ROOT).split("/", -1);
            if (typeSub.length != 2 || !TOKEN.matcher(typeSub[0]).matches() || !TOKEN.matcher(typeSub[1]).matches()
                    || (typeSub[0].equals("*") && !typeSub[1].equals("*")))
                continue;
            Double q = 1.0;
            for (int p = 1; p < params.length && q != null; p++) {
                String[] kv = params[p].split("=", 2);
                if (kv[0].trim().equalsIgnoreCase("q"))
                    q = kv.length == 2 ? quality(kv[1].trim()) : null;
            }
            if (q != null)
                ranges.add(new Range(typeSub[0], typeSub[1], q, i));
        }
        return ranges;
    }

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]+");
    private static final Pattern QVALUE = Pattern.compile("0(\\.[0-9]{0,3})?|1(\\.0{0,3})?");

    /** The quality value, or null when it is not one (RFC 9110: 0 to 1, at most three decimals). */
    private static Double quality(String value) {
        return QVALUE.matcher(value).matches() ? Double.valueOf(value) : null;
    }
}
