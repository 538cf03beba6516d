package ai.altllm.gateway.smoke;

import ai.altllm.gateway.testsupport.Gateway;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/** The smoke suite on Payara Micro, the default server, in the default build. */
@ExtendWith(ArquillianExtension.class)
class MicroSmokeIT extends SmokeSuite {

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Gateway.war();
    }

    @Override
    URL base() {
        return base;
    }
}
