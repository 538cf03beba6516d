package ai.altllm.gateway.limits.credits;

import static ai.altllm.gateway.json.Jsonp.JSON;

import ai.altllm.gateway.keys.Caller;
import ai.altllm.gateway.web.ApiKey;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;

/**
 * {@code GET /v1/credits}: the caller's account, like OpenRouter's {@code /api/v1/credits}:
 * {@code {"data": {"total_credits": 10.0, "total_usage": 0.42}}}, plus its budget kind and balance.
 */
@Path("v1/credits")
@ApiKey
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CreditsResource {

    @Inject
    Caller caller;

    @Inject
    Credits credits;

    @GET
    public String describe() {
        BigDecimal[] totals = credits.totals(caller.accountId());
        return JSON.createObjectBuilder().add("data", JSON.createObjectBuilder()
                .add("total_credits", number(totals[0]))
                .add("total_usage", number(totals[1]))
                .add("balance", number(totals[0].subtract(totals[1])))
                .add("budget", credits.isPrepaid(caller.accountId()) ? "prepaid" : "unlimited"))
                .build().toString();
    }

    static BigDecimal number(BigDecimal value) {
        return new BigDecimal(Credits.plain(value));
    }
}
