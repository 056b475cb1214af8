package org.icakg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.junit.jupiter.api.Test;

/**
 * What makes building jena-iri's tables on a second thread safe ({@link IriTables}): jena-iri names no class of Jena,
 * Jetty, Javalin or this server, so that thread never waits for a class the main thread is initialising.
 */
class IriTablesTest {

    private static final String PACKAGE = "org/apache/jena/iri/";

    @Test
    void jena_iri_names_only_its_own_classes_and_the_jdks() throws Exception {
        URL where = Class.forName(IriTables.FACTORY).getProtectionDomain().getCodeSource().getLocation();
        TreeSet<String> outside = new TreeSet<>();
        int classes = 0;
        try (JarFile jar = new JarFile(Path.of(where.toURI()).toFile())) {
            for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements();) {
                JarEntry entry = e.nextElement();
                if (!entry.getName().startsWith(PACKAGE) || !entry.getName().endsWith(".class"))
                    continue;
                classes++;
                try (InputStream in = jar.getInputStream(entry)) {
                    for (String name : classNames(in))
                        if (!name.startsWith("java/") && !name.startsWith("javax/") && !name.startsWith(PACKAGE))
                            outside.add(entry.getName() + " -> " + name);
                }
            }
        }
        assertTrue(classes > 50, "jena-iri's classes were read from " + where + ": " + classes);
        assertEquals(new TreeSet<>(), outside, "classes jena-iri names outside itself and the JDK");
    }

    @Test
    void the_thread_names_no_class_but_its_own_and_the_jdks_and_links_concatenations_through_the_jdk() throws Exception {
        List<String> names = new ArrayList<>();
        for (String file : List.of("IriTables.class", "IriTables$Named.class"))
            try (InputStream in = IriTables.class.getResourceAsStream(file)) {
                names.addAll(classNames(in));
            }
        TreeSet<String> outside = new TreeSet<>();
        for (String name : names)
            if (!name.startsWith("java/") && !name.equals("org/icakg/cli/IriTables")
                    && !name.equals("org/icakg/cli/IriTables$Named"))
                outside.add(name);
        assertEquals(new TreeSet<>(), outside, "classes the thread's code names outside the JDK (jena-iri's factory"
                + " is named by a string, initialised by the JDK's Class.forName)");
        assertTrue(names.contains("java/lang/invoke/StringConcatFactory"),
                "the concatenations are linked by the JDK's StringConcatFactory, as the libraries' are: " + names);
        assertTrue(names.contains("java/lang/runtime/ObjectMethods"),
                "the record's methods are linked by the JDK's ObjectMethods, as a library's record's are: " + names);
        Object o = List.of(1, 2);
        assertEquals("[t=[1, 2]]", IriTables.concatenations("t", 7L, 3, o), "what the linked concatenations make");
        assertEquals("Named[name=t, flag=true]", IriTables.recordMethods("t", true),
                "the record's methods ran: two records with other flags are unequal, and the text is the record's");
    }

    @Test
    void the_thread_links_the_record_methods_once_it_has_built_the_tables() throws Exception {
        int expected = new IriTables.Named("ica-kg-iri-tables", true).hashCode();
        IriTables.startBuilding();
        long until = System.nanoTime() + 60_000_000_000L;
        while (IriTables.lastHash != expected && System.nanoTime() < until)
            Thread.sleep(10);
        assertEquals(expected, IriTables.lastHash, "the thread's own record, hashed at its end");
    }

    @Test
    void the_class_read_names_the_classes_its_code_uses() throws Exception {
        try (InputStream in = IriTables.class.getResourceAsStream("IriTables.class")) {
            List<String> names = classNames(in);
            assertTrue(names.contains("java/lang/Thread"), names.toString());
            assertTrue(names.contains("java/lang/Class"), names.toString());
        }
    }

    /** The classes a class file's constant pool names (without array brackets). */
    static List<String> classNames(InputStream classFile) throws IOException {
        DataInputStream in = new DataInputStream(classFile);
        if (in.readInt() != 0xCAFEBABE)
            throw new IOException("not a class file");
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        List<Integer> classIndexes = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 7 -> classIndexes.add(in.readUnsignedShort());
                case 8, 16, 19, 20 -> in.readUnsignedShort();
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt();
                case 15 -> {
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                }
                case 5, 6 -> {
                    in.readLong();
                    i++; // takes two entries
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        List<String> names = new ArrayList<>();
        for (int index : classIndexes) {
            String name = utf8[index].replaceFirst("^\\[+", "");
            if (name.startsWith("L") && name.endsWith(";"))
                name = name.substring(1, name.length() - 1);
            if (name.length() > 1)
                names.add(name); // not a primitive array
        }
        return names;
    }
}
