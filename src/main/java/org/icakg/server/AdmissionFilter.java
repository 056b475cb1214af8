package org.icakg.server;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.icakg.web.Route;

/** Lets a request run when {@link Admission} admits it, as its route says ({@link Route#admit}). */
final class AdmissionFilter extends RouteFilter {

    private final transient Admission admission;

    AdmissionFilter(Admission admission) {
        this.admission = admission;
    }

    @Override
    protected boolean applies(HttpServletRequest req) {
        return Routing.route(req).admit(req.getMethod()) != Route.Admit.NEVER_WAIT;
    }

    @Override
    protected void handle(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        boolean read = Routing.route(req).admit(req.getMethod()) == Route.Admit.READ;
        try (Admission.Ticket admitted = admission.enter(read)) {
            chain.doFilter(req, res);
        }
    }
}
