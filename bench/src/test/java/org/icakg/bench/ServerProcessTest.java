package org.icakg.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** How the benchmark reads a launched service's heap: through the JDK's jcmd, in the JVM that serves. */
class ServerProcessTest {

    @Test
    void the_heap_of_a_running_jvm_is_read_through_jcmd_after_a_full_collection() throws Exception {
        long used = ServerProcess.usedAfterGc(ProcessHandle.current().pid());
        assertTrue(used > 0 && used <= Runtime.getRuntime().maxMemory(), "used heap " + used);
    }

    @Test
    void the_used_heap_is_read_from_jcmds_answer_and_an_answer_without_it_is_an_error_that_quotes_it() throws Exception {
        assertEquals(351_234L << 10, ServerProcess.usedHeapBytes(
                " garbage-first heap   total 1048576K, used 351234K [0x0000000080000000, 0x0000000100000000)\n"));
        IOException e = assertThrows(IOException.class, () -> ServerProcess.usedHeapBytes("4242:\nno such heap"));
        assertTrue(e.getMessage().contains("no such heap"), e.getMessage());
    }

    @Test
    void the_serving_jvm_is_the_launchers_child_or_the_launched_process_itself() throws Exception {
        Process launcher = new ProcessBuilder("sh", "-c", "sleep 30 & wait").start();
        Process alone = new ProcessBuilder("sleep", "30").start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (launcher.toHandle().children().findAny().isEmpty() && System.nanoTime() < deadline)
                Thread.sleep(10);
            long child = launcher.toHandle().children().findAny().orElseThrow().pid();
            assertEquals(child, ServerProcess.servingJvm(launcher.toHandle()));
            assertEquals(alone.pid(), ServerProcess.servingJvm(alone.toHandle()));
        } finally {
            launcher.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
            alone.destroyForcibly();
        }
    }
}
