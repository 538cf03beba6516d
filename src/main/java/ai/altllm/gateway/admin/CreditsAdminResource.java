package ai.altllm.gateway.admin;

import static ai.altllm.gateway.json.Jsonp.JSON;

import ai.altllm.gateway.errors.ApiException;
import ai.altllm.gateway.keys.Account;
import ai.altllm.gateway.keys.AccountRepository;
import ai.altllm.gateway.limits.credits.Credits;
import ai.altllm.gateway.limits.credits.LedgerEntry;
import ai.altllm.gateway.web.Admin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.math.BigDecimal;
import java.util.Set;

/**
 * {@code /admin/v1/accounts/{id}/credits}: top up or adjust an account's credits ({@code POST {"amount": "10.00"}}),
 * and read its ledger ({@code GET}, newest first).
 */
@Path("admin/v1/accounts/{account}/credits")
@Admin
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class CreditsAdminResource {

    private static final Logger LOG = System.getLogger(CreditsAdminResource.class.getName());
    private static final Set<String> FIELDS = Set.of("amount", "kind", "reference");

    @Inject
    Credits credits;

    @Inject
    AccountRepository accounts;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(@PathParam("account") String idOrName, String text) {
        JsonBody body = JsonBody.parse(text, FIELDS);
        String kind = body.string("kind", "topup");
        if (!kind.equals("topup") && !kind.equals("adjustment")) {
            throw body.invalid("kind", "must be \"topup\" (the default) or \"adjustment\"");
        }
        BigDecimal amount = amount(body, kind.equals("topup"));
        String reference = body.has("reference") ? body.name("reference", 200) : null;
        Account account = account(idOrName);
        BigDecimal balance = credits.credit(account.id(), kind, amount, reference);
        LOG.log(Level.INFO, "Credits {0} of {1} for account {2}", kind, amount.toPlainString(), account.id());
        return Response.status(201).entity(JSON.createObjectBuilder().add("object", "credit")
                .add("account", account.id()).add("kind", kind).add("amount", Credits.plain(amount))
                .add("balance", Credits.plain(balance)).build().toString()).build();
    }

    @GET
    public String ledger(@PathParam("account") String idOrName, @QueryParam("limit") String limitText) {
        int limit = limit(limitText);
        Account account = account(idOrName);
        BigDecimal[] totals = credits.totals(account.id());
        JsonArrayBuilder data = JSON.createArrayBuilder();
        for (LedgerEntry entry : credits.entries(account.id(), limit)) {
            JsonObjectBuilder row = JSON.createObjectBuilder().add("id", entry.id()).add("kind", entry.kind())
                    .add("amount", Credits.plain(entry.amount())).add("created_at", entry.at().getEpochSecond());
            if (entry.held() != null) {
                row.add("held", Credits.plain(entry.held()));
            }
            nullable(row, "key_id", entry.keyId());
            nullable(row, "reference", entry.reference());
            data.add(row);
        }
        return JSON.createObjectBuilder().add("object", "list").add("account", account.id())
                .add("budget", credits.isPrepaid(account.id()) ? "prepaid" : "unlimited")
                .add("total_credits", Credits.plain(totals[0])).add("total_usage", Credits.plain(totals[1]))
                .add("balance", Credits.plain(totals[0].subtract(totals[1]))).add("data", data).build().toString();
    }

    private Account account(String idOrName) {
        return accounts.find(idOrName).orElseThrow(() -> ApiException.notFound("account_not_found",
                "No account with id or name '" + idOrName + "'"));
    }

    /** Positive for a top-up, non-zero for an adjustment; at most 10 decimals. */
    private static BigDecimal amount(JsonBody body, boolean positive) {
        String problem = "must be a " + (positive ? "positive" : "non-zero") + " decimal string such as \"10.00\" "
                + "(at most 10 decimals)";
        BigDecimal amount = body.decimal("amount", problem);
        if (amount == null || (positive ? amount.signum() <= 0 : amount.signum() == 0)) {
            throw body.invalid("amount", problem);
        }
        return amount;
    }

    private static int limit(String text) {
        try {
            int limit = text == null ? 100 : Integer.parseInt(text);
            if (limit >= 1 && limit <= 10_000) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.invalid("limit", "'limit' must be a whole number from 1 to 10000");
    }

    private static void nullable(JsonObjectBuilder row, String name, String value) {
        if (value == null) {
            row.addNull(name);
        } else {
            row.add(name, value);
        }
    }
}
