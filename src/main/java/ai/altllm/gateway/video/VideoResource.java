package ai.altllm.gateway.video;

import static ai.altllm.gateway.json.Jsonp.JSON;

import ai.altllm.gateway.config.ModelConfig;
import ai.altllm.gateway.errors.ApiException;
import ai.altllm.gateway.errors.ErrorEnvelope;
import ai.altllm.gateway.keys.Caller;
import ai.altllm.gateway.models.Catalog;
import ai.altllm.gateway.upstream.VideoRequest;
import ai.altllm.gateway.web.ApiKey;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * {@code /v1/contents/generations/tasks}: create a video task, poll it by its status token, list the caller's tasks,
 * cancel a queued one. Provider calls never hold a request thread: answers resume when the provider has spoken.
 * The video itself is served by {@link VideoContentFilter}.
 */
@Path("v1/contents/generations/tasks")
@ApiKey
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class VideoResource {

    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7e]{1,200}");

    @Inject
    VideoTasks tasks;

    @Inject
    Catalog catalog;

    @Inject
    Caller caller;

    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public void create(InputStream body, @HeaderParam("Idempotency-Key") String idempotencyKey,
            @Suspended AsyncResponse response) {
        if (idempotencyKey != null && !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            throw ApiException.invalid("Idempotency-Key", "Idempotency-Key must be 1 to 200 visible ASCII characters");
        }
        JsonObject json = TaskRequest.parse(body);
        ModelConfig model = catalog.model(TaskRequest.modelId(json));
        caller.requireModel(model.id());
        VideoRequest request = TaskRequest.check(json, model);
        tasks.requireRoute(model.provider());
        NewTask task = new NewTask(caller.keyId(), caller.accountId(), model.id(), model.provider(), request,
                TaskRequest.estimate(model, request));
        Function<VideoTask, JsonObject> render = renderer();
        answer(tasks.create(task, idempotencyKey), response, created -> Response.status(created.existing() ? 200 : 202)
                .entity(render.apply(created.task()).toString()).build());
    }

    @GET
    @Path("{token}")
    public void poll(@PathParam("token") String token, @Suspended AsyncResponse response) {
        answerTask(tasks.refresh(tasks.owned(token, caller.keyId(), caller.accountId())), response);
    }

    @DELETE
    @Path("{token}")
    public void cancel(@PathParam("token") String token, @Suspended AsyncResponse response) {
        answerTask(tasks.cancel(tasks.owned(token, caller.keyId(), caller.accountId())), response);
    }

    /** The calling key's account's tasks, newest first; {@code after} is the last id of the previous page. */
    @GET
    public String list(@QueryParam("status") String status, @QueryParam("limit") String limit,
            @QueryParam("after") String after) {
        int size = VideoTasks.limit(limit);
        VideoTask cursor = after == null || after.isBlank() ? null : tasks.ofAccount(after, caller.accountId());
        List<VideoTask> page = tasks.list(caller.accountId(), VideoTasks.status(status), size + 1,
                cursor == null ? null : cursor.createdAt(), cursor == null ? null : cursor.id());
        Function<VideoTask, JsonObject> render = renderer();
        JsonArrayBuilder data = JSON.createArrayBuilder();
        page.stream().limit(size).forEach(t -> data.add(render.apply(t)));
        return JSON.createObjectBuilder().add("object", "list").add("data", data).add("has_more", page.size() > size)
                .build().toString();
    }

    /** Renders on whatever thread the provider's answer arrives on, so it captures the request's base URI now. */
    private Function<VideoTask, JsonObject> renderer() {
        var base = uri.getBaseUriBuilder();
        return t -> {
            String token = tasks.token(t);
            String content = base.clone().path("v1/contents/generations/tasks").path(token).path("content").build()
                    .toString();
            return TaskJson.of(t, token, content);
        };
    }

    private void answerTask(CompletionStage<VideoTask> task, AsyncResponse response) {
        Function<VideoTask, JsonObject> render = renderer();
        answer(task, response, t -> Response.ok(render.apply(t).toString()).build());
    }

    private static <T> void answer(CompletionStage<T> stage, AsyncResponse response, Function<T, Response> ok) {
        // Backstop only: every provider call has its own deadlines, shorter than this.
        response.setTimeout(15, TimeUnit.MINUTES);
        stage.whenComplete((value, failure) -> {
            try {
                response.resume(failure == null ? ok.apply(value)
                        : ErrorEnvelope.response(TaskLifecycle.apiException(failure)));
            } catch (RuntimeException e) {
                response.resume(e);
            }
        });
    }
}
