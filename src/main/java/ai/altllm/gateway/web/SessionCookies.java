package ai.altllm.gateway.web;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * Marks the portal's session cookie {@code SameSite=Strict}. Set here rather than in web.xml: the
 * {@code cookie-config/attribute} element is Servlet 6.0, yet WildFly 35 rejects it and fails the whole deployment.
 */
@WebListener
public class SessionCookies implements ServletContextListener {

    private static final Logger LOG = System.getLogger(SessionCookies.class.getName());

    @Override
    public void contextInitialized(ServletContextEvent event) {
        try {
            SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
            cookie.setAttribute("SameSite", "Strict");
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "This server cannot mark the portal session cookie SameSite=Strict ({0}); the "
                    + "portal's X-AltLLM-Portal header check still blocks cross-site requests", e.toString());
        }
    }
}
