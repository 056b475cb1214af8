package org.icakg.federation;

import org.apache.jena.fuseki.servlets.ActionErrorException;

/**
 * A {@code SERVICE} call this server will not make: answered 403 with a message that names the endpoint and what
 * would allow it. Refused before any byte is sent, so it says nothing about the endpoint itself.
 */
public final class FederationRefused extends ActionErrorException {

    /** Why a call was refused: a bounded set, used as a metrics label. */
    public enum Reason { NOT_ALLOWED, ADDRESS, SELF, DEPTH, CALLS, NOT_HTTP }

    private final Reason reason;

    FederationRefused(Reason reason, String message) {
        super(403, message, null);
        this.reason = reason;
    }

    public Reason reason() { return reason; }
}
