package org.icakg.cli;

/**
 * Builds the tables of Jena's IRI checker (the jena-iri library) on a second thread while the server's main thread
 * starts Jena, which needs them when it sets up its IRI provider: their set-up (lexers, scheme rules, violation codes,
 * and the factories built and tried in {@code IRIFactory}'s static initialiser) was about a seventh of the main
 * thread's processor time before a reopen's first answer. The main thread then finds them built, or waits for the
 * rest.
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
 * thread.
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
    }
}
