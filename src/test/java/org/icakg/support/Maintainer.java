package org.icakg.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.util.IsoMatcher;

/** A server on a TDB2 store with one maintainer allowed to write, and the requests the write paths take. */
public final class Maintainer {

    public static final String USER = "alice", PASSWORD = "Tr0ub4dor-and-3-horses";
    /** The right credentials, as an {@code Authorization} header value. */
    public static final String AUTH = basic(USER, PASSWORD);

    private Maintainer() {}

    /**
     * Writes a users file naming {@link #USER} with {@link #PASSWORD} into {@code dir}, as a plain line: the many
     * servers of the write tests then do not each pay PBKDF2 (the {@code passwd} line is tested in PasswordsTest).
     */
    public static Path usersFile(Path dir) {
        Path file = dir.resolve("users");
        try {
            Files.writeString(file, USER + ":" + PASSWORD + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** The write-path fixture in a TDB2 store under {@code dir}, served with {@link #USER} as maintainer. */
    public static TestServer server(Path dir) {
        Path store = dir.resolve("store");
        Path users = usersFile(dir);
        return TestServer.serving(Fixtures.tdb2(store), c -> c.withStore(store).withUsersFile(users));
    }

    /** {@code Basic} credentials for a user and password. */
    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Sends {@code method path} with a body of {@code type} (none when {@code type} is null) and extra headers. */
    public static HttpResponse<String> send(Served server, String method, String path, String type, byte[] body,
                                            String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url(path))).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (type != null)
            b.header("Content-Type", type);
        return server.send(b, headers);
    }

    /** True when the store holds exactly the quads of {@code before}. */
    public static boolean unchanged(DatasetGraph before, Served server) {
        return IsoMatcher.isomorphic(before, Fixtures.copy(server.server().knowledgeBase().dataset()));
    }
}
