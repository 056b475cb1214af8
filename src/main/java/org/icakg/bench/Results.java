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
        final Map<String, LoadDriver.Result> classes = new LinkedHashMap<>();
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
    String writeOutcome = "not measured: this build has no write path yet";
}
