package org.icakg.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** What the bench reports of the machine: the host's share of the processors beside the load average. */
class MachineLoadTest {

    @Test
    void the_hosts_share_is_steal_over_every_kind_of_time_and_leaves_guest_time_out() {
        // user nice system idle iowait irq softirq steal guest guest_nice
        MachineLoad.CpuTimes before = MachineLoad.CpuTimes.parse("cpu  1000 10 200 5000 50 0 40 100 700 0");
        MachineLoad.CpuTimes after = MachineLoad.CpuTimes.parse("cpu  1300 10 260 5500 50 0 40 190 900 0");
        assertEquals(new MachineLoad.CpuTimes(100, 6400), before);
        // 90 stolen of the 950 ticks that passed (user 300, system 60, idle 500, steal 90; guest not again)
        assertEquals(100.0 * 90 / (300 + 60 + 500 + 90), before.stolenPercentUntil(after), 1e-9);
    }

    @Test
    void counters_that_did_not_move_or_a_line_that_is_not_the_total_give_no_share() {
        MachineLoad.CpuTimes t = MachineLoad.CpuTimes.parse("cpu  1000 10 200 5000 50 0 40 100 0 0");
        assertTrue(Double.isNaN(t.stolenPercentUntil(t)));
        assertTrue(Double.isNaN(t.stolenPercentUntil(null)));
        assertNull(MachineLoad.CpuTimes.parse("cpu0 1000 10 200 5000 50 0 40 100 0 0"), "one processor's line");
        assertNull(MachineLoad.CpuTimes.parse("intr 12345"));
    }

    @Test
    void this_machines_counters_are_read_and_a_share_is_between_0_and_100() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/stat")), "a Linux machine");
        MachineLoad.CpuTimes from = MachineLoad.CpuTimes.now();
        assertNotNull(from);
        long until = System.nanoTime() + 200_000_000L;
        while (System.nanoTime() < until) {
            Thread.onSpinWait(); // processor time passes, so the counters move
        }
        Double share = MachineLoad.stolenPercentSince(from);
        assertNotNull(share);
        assertTrue(share >= 0 && share <= 100, "share " + share);
    }

    @Test
    void a_wall_clock_target_says_what_the_host_took_meanwhile_when_it_is_known() {
        assertEquals("; the host took 27.6 % of the processors meanwhile (steal)", BenchReport.steal(27.6));
        assertEquals("", BenchReport.steal(null));
    }
}
