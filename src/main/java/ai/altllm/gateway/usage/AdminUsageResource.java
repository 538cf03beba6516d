package ai.altllm.gateway.usage;

import ai.altllm.gateway.db.Database;
import ai.altllm.gateway.errors.ApiException;
import ai.altllm.gateway.web.Admin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

/** {@code GET /admin/v1/usage}: usage across accounts, filtered by account, key, model and time; JSON or CSV. */
@Path("admin/v1/usage")
@Admin
@ApplicationScoped
public class AdminUsageResource {

    @Inject
    Database database;

    @GET
    public Response usage(@QueryParam("account") String account, @QueryParam("key") String key,
            @QueryParam("model") String model, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("limit") String limit, @QueryParam("format") String format) {
        UsageFilter filter = new UsageFilter(blank(account), blank(key), blank(model), UsageQuery.time("from", from),
                UsageQuery.time("to", to), UsageQuery.limit(limit));
        if ("csv".equals(format)) {
            return Response
                    .ok(UsageJson.csv(UsageRepository.find(database.dataSource(), filter)), "text/csv; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"altllm-usage.csv\"").build();
        }
        if (format != null && !format.equals("json")) {
            throw ApiException.invalid("format", "format must be json or csv");
        }
        return Response.ok(UsageJson.json(UsageRepository.totals(database.dataSource(), filter),
                UsageRepository.find(database.dataSource(), filter)), "application/json").build();
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
