package ai.altllm.gateway.usage;

import static ai.altllm.gateway.json.Jsonp.JSON;

import ai.altllm.gateway.db.Database;
import ai.altllm.gateway.errors.ApiException;
import ai.altllm.gateway.keys.Account;
import ai.altllm.gateway.keys.AccountRepository;
import ai.altllm.gateway.limits.credits.Credits;
import ai.altllm.gateway.portal.PortalViewer;
import ai.altllm.gateway.web.Session;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import javax.sql.DataSource;

/**
 * {@code GET /portal/api/usage}: the Usage page's data for the signed-in account (the admin names one with
 * {@code ?account=}): tokens and spend per UTC day, per key and per model over the last {@code days}, and the balance.
 */
@Path("portal/api/usage")
@Session
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PortalUsageResource {

    @Inject
    Database database;

    @Inject
    AccountRepository accounts;

    @Inject
    Credits credits;

    @Context
    HttpServletRequest request;

    @GET
    public String usage(@QueryParam("account") String wanted, @QueryParam("days") String daysText) {
        PortalViewer viewer = PortalViewer.of(request).orElseThrow();
        String idOrName = viewer.accountId() != null ? viewer.accountId() : wanted;
        if (idOrName == null || idOrName.isBlank()) {
            throw ApiException.invalid("account", "the admin names the account: ?account=<id or name>");
        }
        Account account = accounts.find(idOrName).orElseThrow(() -> ApiException.notFound("account_not_found",
                "No account with id or name '" + idOrName + "'"));
        int days = days(daysText);
        Instant from = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(days - 1L));
        DataSource data = database.dataSource();
        BigDecimal[] totals = credits.totals(account.id());
        return JSON.createObjectBuilder().add("object", "usage_summary")
                .add("account", JSON.createObjectBuilder().add("id", account.id()).add("name", account.name()))
                .add("budget", credits.isPrepaid(account.id()) ? "prepaid" : "unlimited")
                .add("balance", Credits.plain(totals[0].subtract(totals[1])))
                .add("total_credits", Credits.plain(totals[0]))
                .add("from", from.getEpochSecond()).add("days", days)
                .add("per_day", UsageSummary.group(data, "CAST(created_at AS DATE)", account.id(), from))
                .add("per_key", UsageSummary.group(data, "key_id", account.id(), from))
                .add("per_model", UsageSummary.group(data, "model", account.id(), from))
                .build().toString();
    }

    private static int days(String text) {
        try {
            int days = text == null ? 30 : Integer.parseInt(text);
            if (days >= 1 && days <= 366) {
                return days;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.invalid("days", "'days' must be a whole number from 1 to 366");
    }
}
