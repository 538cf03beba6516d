package ai.altllm.gateway.limits.admission;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource that admits its requests itself, through {@link Gatekeeper#admit}, once it knows what they will
 * use (a chat request's model and reservation come from its body); {@link AdmissionFilter} leaves it alone.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface SelfAdmitted {
}
