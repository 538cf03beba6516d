package ai.altllm.gateway.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/** Who is signed in to the portal, kept in the servlet session (an HttpOnly, SameSite=Strict cookie). */
record PortalSession(String accountId, String accountName, boolean admin) implements java.io.Serializable {

    private static final String ATTRIBUTE = "ai.altllm.portal.session";
    static final int IDLE_SECONDS = 30 * 60;

    static PortalSession of(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : (PortalSession) session.getAttribute(ATTRIBUTE);
    }

    /** Starts a fresh session id on sign-in, so an id planted before sign-in is worthless afterwards. */
    void signIn(HttpServletRequest request) {
        HttpSession existing = request.getSession(false);
        if (existing != null) {
            existing.invalidate();
        }
        HttpSession session = request.getSession(true);
        session.setMaxInactiveInterval(IDLE_SECONDS);
        session.setAttribute(ATTRIBUTE, this);
    }

    static void signOut(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }
}
