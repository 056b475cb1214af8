package org.icakg.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.icakg.cli.Main;
import org.icakg.kb.UnreadableInputException;
import org.icakg.support.Fixtures;
import org.icakg.support.Maintainer;
import org.icakg.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Passwords are kept salted and slow (PBKDF2), written by the {@code passwd} command; older lines still work with a
 * warning; a right password pays the slow check once, a wrong one every time.
 */
class PasswordsTest {

    static final Pattern LINE = Pattern.compile("alice:pbkdf2-sha256:(\\d+):([A-Za-z0-9+/=]+):([A-Za-z0-9+/=]+)");

    @TempDir
    Path tmp;

    /** What {@code passwd alice} prints for a password typed on standard input. */
    static String passwd(String stdin) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        java.io.InputStream before = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            assertEquals(0, Main.run(new String[] {"passwd", "alice"}, new PrintStream(out, true), new PrintStream(err, true)),
                    err.toString());
        } finally {
            System.setIn(before);
        }
        return out.toString(StandardCharsets.UTF_8).strip();
    }

    Users usersFile(String content) throws IOException {
        Path file = tmp.resolve("users");
        Files.writeString(file, content);
        return Users.load(file, null);
    }

    @Test
    void passwd_prints_a_salted_pbkdf2_line_that_never_holds_the_password() {
        String line = passwd("correct horse battery staple\n");
        Matcher m = LINE.matcher(line);
        assertTrue(m.matches(), line);
        assertTrue(Integer.parseInt(m.group(1)) >= 210_000, line);
        assertEquals(16, Base64.getDecoder().decode(m.group(2)).length);
        assertEquals(32, Base64.getDecoder().decode(m.group(3)).length);
        assertFalse(line.contains("correct horse"));
        assertNotEquals(line, passwd("correct horse battery staple\n"), "a fresh salt each time");
    }

    @Test
    void a_pbkdf2_line_lets_its_user_in_with_the_password_and_no_other() throws IOException {
        Users users = usersFile("# maintainers\n" + passwd("s3cret-enough\n") + "\n");
        assertEquals(Optional.of("alice"), users.authenticate("alice", "s3cret-enough"));
        assertEquals(Optional.empty(), users.authenticate("alice", "s3cret-enougH"));
        assertEquals(Optional.empty(), users.authenticate("mallory", "s3cret-enough"));
        assertTrue(users.warnings().isEmpty(), users.warnings().toString());
    }

    @Test
    void the_right_password_pays_the_slow_check_once_and_every_wrong_one_pays_it_again() throws IOException {
        Users users = usersFile(passwd("s3cret-enough\n") + "\n");
        for (int i = 0; i < 5; i++)
            assertTrue(users.authenticate("alice", "s3cret-enough").isPresent());
        assertEquals(1, users.slowChecks(), "the proven password is remembered");
        for (int i = 0; i < 3; i++)
            assertTrue(users.authenticate("alice", "guess-" + i).isEmpty());
        assertTrue(users.authenticate("alice", "guess-0").isEmpty(), "a wrong password is not remembered as wrong either");
        assertEquals(5, users.slowChecks(), "each guess paid the full PBKDF2 cost");
        assertTrue(users.authenticate("nobody", "s3cret-enough").isEmpty());
        assertEquals(6, users.slowChecks(), "an unknown user costs what a known one does");
    }

    @Test
    void sha256_and_plain_lines_still_work_with_a_warning_that_names_the_line_and_not_the_password() throws IOException {
        Users users = usersFile("bob:sha256:" + Users.digestHex("hunter2") + "\n# plain\ncarol:plain-old-pass\n");
        assertEquals(Optional.of("bob"), users.authenticate("bob", "hunter2"));
        assertEquals(Optional.of("carol"), users.authenticate("carol", "plain-old-pass"));
        assertEquals(Optional.empty(), users.authenticate("carol", "plain-old-pas"));
        assertEquals(2, users.warnings().size(), users.warnings().toString());
        assertTrue(users.warnings().get(0).contains("line 1") && users.warnings().get(0).contains("unsalted"));
        assertTrue(users.warnings().get(1).contains("line 3") && users.warnings().get(1).contains("passwd carol"));
        assertFalse(String.join(" ", users.warnings()).contains("plain-old-pass"));
    }

    @Test
    void a_pbkdf2_line_with_too_few_iterations_is_refused_naming_the_minimum() throws IOException {
        String weak = "alice:pbkdf2-sha256:1000:" + Base64.getEncoder().encodeToString(new byte[16]) + ":"
                + Base64.getEncoder().encodeToString(new byte[32]) + "\n";
        var e = assertThrows(UnreadableInputException.class, () -> usersFile(weak));
        assertTrue(e.getMessage().contains("line 1") && e.getMessage().contains("210000"), e.getMessage());
    }

    @Test
    void a_server_with_a_passwd_line_accepts_the_password_over_http_and_refuses_a_wrong_one() throws IOException {
        Path users = tmp.resolve("users");
        Files.writeString(users, passwd("s3cret-enough\n") + "\n");
        try (TestServer server = TestServer.serving(Fixtures.inMemory(), c -> c.withUsersFile(users))) {
            String update = "INSERT DATA { GRAPH <https://w3id.org/ica-kg/id/passage/added-01> { "
                    + "<https://w3id.org/ica-kg/id/state/india> <http://www.w3.org/2000/01/rdf-schema#comment> 'x' } }";
            assertEquals(401, server.post("/update", "application/sparql-update", update,
                    "Authorization", Maintainer.basic("alice", "s3cret-enougH")).statusCode());
            for (int i = 0; i < 2; i++)
                assertEquals(200, server.post("/update", "application/sparql-update", update,
                        "Authorization", Maintainer.basic("alice", "s3cret-enough")).statusCode());
        }
    }

    @Test
    void passwd_without_a_password_is_a_usage_error() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        java.io.InputStream before = System.in;
        System.setIn(new ByteArrayInputStream(new byte[0]));
        try {
            assertEquals(2, Main.run(new String[] {"passwd", "alice"}, new PrintStream(new ByteArrayOutputStream()),
                    new PrintStream(err, true)));
        } finally {
            System.setIn(before);
        }
        assertTrue(err.toString().contains("no password"), err.toString());
    }
}
