package org.icakg.workbench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.icakg.kb.KnowledgeBase;
import org.icakg.support.Maintainer;
import org.icakg.support.Served;
import org.icakg.support.ServerExtension;
import org.icakg.support.TestServer;

/**
 * A maintainer's HTTP client of the workbench: pages with credentials, form posts with the token and Origin. A test
 * class gets a workbench server of its own as an extension, and a client of it:
 * <pre>{@code
 * @TempDir
 * static Path dir;
 * @RegisterExtension
 * static final ServerExtension server = WorkbenchClient.bundled(() -> dir);
 * static final WorkbenchClient wb = new WorkbenchClient(server);
 * }</pre>
 */
final class WorkbenchClient {

    private static final Pattern TOKEN = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    final Served server;

    WorkbenchClient(Served server) {
        this.server = server;
    }

    /**
     * A server for a test class: the bundled data in memory, with {@link Maintainer#USER} as maintainer and the texts
     * of sources in {@code dir/sources} ({@code dir} read when the class starts, so a {@code @TempDir} field will do).
     */
    static ServerExtension bundled(Supplier<Path> dir) {
        return ServerExtension.of(() -> startBundled(dir.get()));
    }

    /** {@link #bundled} with one source document registered through the workbench: its title, slug and text. */
    static ServerExtension withSource(Supplier<Path> dir, String title, String slug, String text) {
        return ServerExtension.of(() -> {
            TestServer server = startBundled(dir.get());
            HttpResponse<String> r = new WorkbenchClient(server).post("/workbench/sources", "title", title, "slug", slug,
                    "text", text, "action", "register");
            if (r.statusCode() != 303) {
                server.close();
                throw new AssertionError("registering " + slug + " answered " + r.statusCode() + ": " + r.body());
            }
            return server;
        });
    }

    private static TestServer startBundled(Path dir) {
        Path users = Maintainer.usersFile(dir);
        return TestServer.start(c -> c.withUsersFile(users).withSources(dir.resolve("sources")));
    }

    /** The knowledge base the server serves. */
    KnowledgeBase kb() {
        return server.server().knowledgeBase();
    }

    HttpResponse<String> get(String path) {
        return server.get(path, "Authorization", Maintainer.AUTH);
    }

    /** The form token shown to the maintainer. */
    String token() {
        Matcher m = TOKEN.matcher(get("/workbench/sources/new").body());
        if (!m.find())
            throw new AssertionError("no form token on the workbench page");
        return m.group(1);
    }

    /** Posts a form as the workbench's own page would: credentials, Origin of the server, and the token. */
    HttpResponse<String> post(String path, String... fields) {
        List<String> all = new ArrayList<>(List.of(fields));
        all.add("csrf");
        all.add(token());
        return postRaw(path, form(all.toArray(String[]::new)), "Authorization", Maintainer.AUTH, "Origin", server.url(""));
    }

    HttpResponse<String> postRaw(String path, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return server.send(b, headers);
    }

    /** {@code a=1&b=2} from name/value pairs. */
    static String form(String... fields) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i + 1 < fields.length; i += 2) {
            if (!b.isEmpty())
                b.append('&');
            b.append(URLEncoder.encode(fields[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        return b.toString();
    }

    /** The path a 303 answer sends the browser to. */
    static String location(HttpResponse<String> r) {
        return r.headers().firstValue("Location").orElseThrow(() -> new AssertionError("no Location: " + r.statusCode()));
    }
}
