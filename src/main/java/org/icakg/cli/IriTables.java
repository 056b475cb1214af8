package org.icakg.cli;

/**
 * Builds the tables of Jena's IRI checker (the jena-iri library) on a second thread while the server's main thread
 * starts Jena, which needs them when it sets up its IRI provider: their set-up (lexers, scheme rules, violation codes,
 * and the factories built and tried in {@code IRIFactory}'s static initialiser) was about a seventh of the main
 * thread's processor time before a reopen's first answer. The main thread then finds them built, or waits for the
 * rest.
 *
 * <p>Then the thread links a dozen string concatenations of the usual shapes ({@link #concatenations}): each first
 * run of a concatenation in Jena, Jetty and this server links its call site through the JDK's
 * {@code StringConcatFactory}, which builds method-handle trees and spins the classes of their lambda forms; the JDK
 * keeps those forms by shape, so the main thread's own call sites then find most of them built (its processor time
 * to a reopen's first answer fell by 35 to 95 ms, about 5 %, in three interleaved rounds on a busy machine). Last, it
 * calls the methods of a record of its own shaped like Javalin's {@code HandlerType} ({@link #recordMethods}), which
 * the JDK links through {@code ObjectMethods} as it links a library's record's (the main thread of a reopen then spins
 * 27 lambda-form classes instead of 62).
 *
 * <p>Why two threads cannot deadlock here: a class is initialised by one thread while others that need it wait, so
 * a deadlock needs two threads each waiting for a class the other is initialising. This thread initialises one
 * class, {@code org.apache.jena.iri.IRIFactory}, and through it only classes of jena-iri and of the JDK: jena-iri
 * names no class outside its own packages and the JDK's ({@code IriTablesTest} checks this), so it never waits for a
 * class of Jena, Jetty or this server that the main thread may be initialising. The main thread, for its part, first
 * enters jena-iri through {@code IRIFactory} too: the rest of Jena reaches jena-iri only by constructing an
 * {@code IRIFactory} or calling its static methods, and otherwise through the objects a factory made; and no other
 * class of jena-iri names {@code IRIFactory} in its initialiser. So while this thread initialises jena-iri the main
 * thread holds no class of jena-iri, and the JDK's classes, which both may use, never wait for either library. Keep it
 * so: nothing else (no class of Jena, Jetty or Javalin, which once deadlocked a start that way) belongs on this
 * thread. The concatenations are the JDK's {@code java.lang.invoke} alone, which links call sites from any number of
 * threads at once (jena-iri's own concatenations were already linked on this thread while the main thread linked
 * Jena's); they, and the record, name no class but the JDK's ({@code IriTablesTest}).
 */
final class IriTables extends Thread {

    /** The class whose initialisation builds the tables. */
    static final String FACTORY = "org.apache.jena.iri.IRIFactory";

    private IriTables() {
        super("ica-kg-iri-tables");
        setDaemon(true);
    }

    /** Starts building the tables; called first thing in a JVM that will serve. */
    static void startBuilding() {
        new IriTables().start();
    }

    @Override
    public void run() {
        try {
            Class.forName(FACTORY, true, IriTables.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            // The main thread meets the same failure where Jena needs the class, and reports it there.
        }
        concatenations(getName(), getId(), getPriority(), this);
        recordMethods(getName(), isDaemon());
    }

    /**
     * A record of the shape of Javalin's {@code HandlerType} (a name and a flag), whose {@code equals},
     * {@code hashCode} and {@code toString} the JDK links through {@code ObjectMethods} at their first call, as it does
     * a record of any library.
     */
    record Named(String name, boolean flag) {}

    /** Where {@link #recordMethods} leaves its hash code, so that the JIT keeps it. */
    static volatile int lastHash;

    /**
     * Calls the record methods of {@link Named}: their first calls link them through the JDK's {@code ObjectMethods}
     * (its own set-up the first time, then method-handle trees whose lambda forms the JDK keeps by shape), so the main
     * thread finds them built when Javalin puts its {@code HandlerType}s in maps as it registers the routes. Returns
     * the record's text, or null if it equalled a record with the other flag (it never does).
     */
    static String recordMethods(String name, boolean flag) {
        Named a = new Named(name, flag), b = new Named(name, !flag);
        lastHash = a.hashCode();
        return a.equals(b) ? null : a.toString();
    }

    /** Where {@link #concatenations} leaves its strings, so that the JIT keeps them. */
    static volatile String last;

    /**
     * Runs string concatenations of the shapes the server's libraries use most (strings, ints, longs and objects,
     * two to seven parts), each a call site of its own linked at its first run; returns the last.
     */
    static String concatenations(String s, long l, int i, Object o) {
        String t = s + '/';
        last = s + "/" + t + "/" + s;
        last = s + i;
        last = "a" + s + "b" + i;
        last = "a" + i + "b" + s + "c";
        last = s + l;
        last = "a" + s + "b" + l;
        last = s + o;
        last = "a" + o + "b" + s;
        last = "a" + s + "b" + t + "c" + o;
        last = s + ":" + i + ":" + l + ":" + o;
        last = "[" + s + "=" + o + "]";
        return last;
    }
}
