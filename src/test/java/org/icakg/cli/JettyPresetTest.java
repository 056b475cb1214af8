package org.icakg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code serve} tells Jetty the size of an object reference, so that Jetty does not start the JVM's platform MBean
 * server to ask; a value the operator gave stays.
 */
class JettyPresetTest {

    private String saved, savedCacheLine;

    @BeforeEach
    void save() {
        saved = System.clearProperty(ServeCommand.JETTY_REFERENCES_PER_CACHE_LINE);
        savedCacheLine = System.clearProperty(ServeCommand.JETTY_CACHE_LINE_BYTES);
    }

    @AfterEach
    void restore() {
        restore(ServeCommand.JETTY_REFERENCES_PER_CACHE_LINE, saved);
        restore(ServeCommand.JETTY_CACHE_LINE_BYTES, savedCacheLine);
    }

    @Test
    void a_heap_under_32_gb_has_compressed_references_sixteen_to_a_64_byte_line() {
        ServeCommand.presetJettyReferencesPerCacheLine(2L << 30);
        assertEquals("16", System.getProperty(ServeCommand.JETTY_REFERENCES_PER_CACHE_LINE));
    }

    @Test
    void a_larger_heap_has_eight_byte_references_and_jettys_own_line_size_is_used() {
        System.setProperty(ServeCommand.JETTY_CACHE_LINE_BYTES, "128");
        ServeCommand.presetJettyReferencesPerCacheLine(64L << 30);
        assertEquals("16", System.getProperty(ServeCommand.JETTY_REFERENCES_PER_CACHE_LINE));
    }

    @Test
    void the_operators_own_setting_is_kept() {
        System.setProperty(ServeCommand.JETTY_REFERENCES_PER_CACHE_LINE, "3");
        ServeCommand.presetJettyReferencesPerCacheLine(2L << 30);
        assertEquals("3", System.getProperty(ServeCommand.JETTY_REFERENCES_PER_CACHE_LINE));
    }

    private static void restore(String name, String value) {
        if (value == null)
            System.clearProperty(name);
        else
            System.setProperty(name, value);
    }
}
