package org.icakg.workbench;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Function;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;


import org.icakg.http.Problem;
import io.javalin.http.Context;

/**
 * Who may use the workbench, and which form posts are the workbench's own. Every page needs a maintainer's
 * credentials (HTTP Basic, checked by the server's authentication). Because a browser resends Basic credentials by
 * itself, a post must also come from this server's own pages: its {@code Origin} (or, when a browser sends none, its
 * {@code Referer}) names this server, and it carries the form token, an HMAC of the user name under a key drawn at
 * random when the server starts.
 */
final class Guard {

    /** Name of the form field holding the token. */
    static final String TOKEN = "csrf";

    private final Function<Context, String> authenticate;
    private final byte[] key = new byte[32];

    /** {@code authenticate}: the user name of a request's valid credentials, or throws the 401/403 problem. */
    Guard(Function<Context, String> authenticate) {
        this.authenticate = authenticate;
        new SecureRandom().nextBytes(key);
    }

    /** The maintainer making a read request of a workbench page. */
    String reader(Context ctx) {
        return authenticate.apply(ctx);
    }

    /** The maintainer posting a workbench form; refuses a post from another origin or without the right token. */
    String poster(Context ctx) {
        String user = authenticate.apply(ctx);
        requireSameOrigin(ctx);
        String sent = ctx.formParam(TOKEN);
        if (sent == null || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                token(user).getBytes(StandardCharsets.UTF_8)))
            throw Problem.forbidden("The form token is missing or wrong: reload the workbench page and send "
                    + "the form again (posts are accepted only from this server's own forms).");
        return user;
    }

    /** The head of a page shown to {@code user}: its title, the user, and their form token. */
    Pages.Head head(String title, String user) {
        return new Pages.Head(title, user, token(user));
    }

    /** The form token of {@code user}. */
    String token(String user) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(user.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static void requireSameOrigin(Context ctx) {
        String host = ctx.header("Host");
        String origin = ctx.header("Origin");
        String from = origin != null ? origin : ctx.header("Referer");
        if (from == null)
            throw Problem.forbidden("A workbench form post must say where it comes from (Origin or Referer): "
                    + "send it from the workbench's own pages.");
        String authority;
        try {
            authority = URI.create(from).getRawAuthority();
        } catch (IllegalArgumentException e) {
            authority = null;
        }
        if (host == null || authority == null || !host.equalsIgnoreCase(authority))
            throw Problem.forbidden("Cross-site form posts are refused (" + (origin != null ? "Origin " : "Referer ")
                    + from + "): send the form from this server's workbench pages.");
    }
}
