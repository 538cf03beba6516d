package ai.altllm.gateway.portal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks the one portal API method that may be called before signing in: signing in. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface SignIn {
}
