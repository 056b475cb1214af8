package org.icakg.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.icakg.http.Problem;
import org.icakg.write.Users;

import io.javalin.http.Context;

/**
 * HTTP Basic authentication of maintainers for the write paths. Credentials are checked and dropped: they are never
 * logged or echoed. A write sent by a browser from another site (a cross-site form post riding on remembered
 * credentials) is refused.
 */
final class Auth {

    static final String REALM = "ica-kg";

    private final Users users;

    Auth(Users users) {
        this.users = users;
    }

    /**
     * The authenticated user name. Answers 403 when no maintainer is configured, 401 for missing or wrong
     * credentials, 403 for a cross-site request.
     */
    String require(Context ctx) {
        if (users.isEmpty())
            throw Problem.forbidden("Writes are off: no maintainer is configured. Start the server with "
                    + "--users FILE (one user:password per line) or set the environment variable " + Users.ENV
                    + "=user:password[,user:password] (README, section \"Maintaining the data\").");
        refuseCrossSite(ctx);
        // Not Javalin's ctx.basicAuthCredentials(): it takes only "Basic" spelt so (the scheme is case-insensitive), and
        // malformed base64 or a value without ':' escape it as exceptions (a 500) where a client must get a 401.
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6))
            throw Problem.unauthorized("Credentials required: send HTTP Basic credentials (curl -u user:password).", REALM);
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw Problem.unauthorized("Malformed Basic credentials: expected base64 of user:password.", REALM);
        }
        int colon = decoded.indexOf(':');
        String user = colon < 0 ? decoded : decoded.substring(0, colon);
        String password = colon < 0 ? "" : decoded.substring(colon + 1);
        return users.authenticate(user, password)
                .orElseThrow(() -> Problem.unauthorized("Wrong user name or password.", REALM));
    }

    private static void refuseCrossSite(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null)
            return;
        String host = ctx.header("Host");
        String originHost;
        try {
            originHost = URI.create(origin).getRawAuthority();
        } catch (IllegalArgumentException e) {
            originHost = null;
        }
        if (host == null || !host.equalsIgnoreCase(originHost))
            throw Problem.forbidden("Cross-site writes are refused (Origin " + origin + "); send the request from "
                    + "this server's own pages or from a client that is not a browser.");
    }
}
