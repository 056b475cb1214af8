package org.icakg.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** Everything a run measured; absent numbers are null. */
final class Results {

    /** One server: its load time, heap and per-class results. */
    static final class Server {
        long readyMillis;
        long heapAfterLoad;
        long heapAfterRun;
        /** Every request distinct. */
        final Map<String, LoadDriver.Result> classes = new LinkedHashMap<>();
        /** The same variants repeated, so that an answer cache can serve them. */
        final Map<String, LoadDriver.Result> cached = new LinkedHashMap<>();
    }

    long triples;
    long generateMillis;
    final Server service = new Server();
    final Server baseline = new Server();
    LoadDriver.Result hello;
    LoadDriver.Result entityPage16;
    Long startupBundledMillis;
    Long reopenMillis;
    Long validationMillis;
    long validationTriples;
    String validationOutcome;
    GatedWrites.Result writes;
}
