package org.icakg.server;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.icakg.web.Route;

/** Lets a request run when {@link Admission} admits it, as its route says ({@link Route#admit}). */
final class AdmissionFilter extends HttpFilter {

    private final transient Admission admission;

    AdmissionFilter(Admission admission) {
        this.admission = admission;
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        Route.Admit admit = Routing.route(req).admit(req.getMethod());
        if (admit == Route.Admit.NEVER_WAIT) {
            chain.doFilter(req, res);
            return;
        }
        try (Admission.Ticket admitted = admission.enter(admit == Route.Admit.READ)) {
            chain.doFilter(req, res);
        }
    }
}
