package ai.altllm.gateway.testsupport;

import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of integration tests that deploy the real WAR and script its upstream: one scripted upstream per test class,
 * on the port it-config.json names, emptied of leftover answers before each test, and a {@link ChatClient} per test.
 */
@ExtendWith(ArquillianExtension.class)
public abstract class UpstreamIT {

    protected static ScriptedUpstream upstream;

    @ArquillianResource
    protected URL base;

    protected ChatClient chat;

    /** Upstream requests counted before each test, so a test can tell how many it caused. */
    protected int requestsBefore;

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return Gateway.war();
    }

    @BeforeAll
    static void startUpstream() {
        upstream = ScriptedUpstream.start(Integer.getInteger("upstream.port"));
    }

    @AfterAll
    static void stopUpstream() {
        upstream.close();
    }

    @BeforeEach
    void connect() {
        upstream.reset();
        chat = new ChatClient(base);
        requestsBefore = upstream.requestCount();
    }
}
