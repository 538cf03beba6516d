package ai.altllm.gateway.web;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * Marks the portal's session cookie {@code SameSite=Strict} through the Servlet 6.0 API (Open Liberty honours it). Not in
 * web.xml: WildFly 35 rejects the {@code cookie-config/attribute} element and fails the whole deployment. Servers that
 * ignore this call get the attribute from their own descriptor in the WAR: Payara from glassfish-web.xml, WildFly
 * from undertow-handlers.conf.
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
