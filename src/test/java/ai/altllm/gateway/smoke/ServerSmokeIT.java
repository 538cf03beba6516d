package ai.altllm.gateway.smoke;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;

/**
 * The smoke suite against a server the build installed, started and deployed the WAR to (profiles
 * {@code payara-server}, {@code wildfly}, {@code liberty}); the system property {@code smoke.base.url} says where.
 */
class ServerSmokeIT extends SmokeSuite {

    @Override
    URL base() {
        String url = System.getProperty("smoke.base.url");
        if (url == null) {
            throw new IllegalStateException("smoke.base.url is not set: run this suite through a server profile");
        }
        try {
            return URI.create(url).toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(url, e);
        }
    }
}
