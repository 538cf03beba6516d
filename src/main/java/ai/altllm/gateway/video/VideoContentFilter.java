package ai.altllm.gateway.video;

import ai.altllm.gateway.accesslog.AccessRecord;
import ai.altllm.gateway.errors.ApiException;
import ai.altllm.gateway.errors.ErrorEnvelope;
import ai.altllm.gateway.errors.ErrorKind;
import ai.altllm.gateway.keys.ApiKey;
import ai.altllm.gateway.keys.Caller;
import ai.altllm.gateway.keys.KeyCheck;
import ai.altllm.gateway.portal.PortalViewer;
import ai.altllm.gateway.upstream.VideoStatus;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves finished videos through the gateway, so clients never need the provider's key: {@code GET
 * /v1/contents/generations/tasks/{token}/content} with an API key, and {@code GET /portal/api/videos/{id}/content}
 * for a signed-in portal user. A servlet filter rather than a JAX-RS resource because only the servlet API offers
 * non-blocking output; every other request passes through untouched.
 */
@WebFilter(urlPatterns = {"/v1/contents/generations/tasks/*", "/portal/api/videos/*"}, asyncSupported = true)
public class VideoContentFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Pattern API = Pattern.compile("/v1/contents/generations/tasks/([^/]+)/content/?");
    private static final Pattern PORTAL = Pattern.compile("/portal/api/videos/(vtask_[0-9a-f]{1,64})/content");

    @Inject
    transient KeyCheck keys;

    @Inject
    transient Caller caller;

    @Inject
    transient VideoTasks tasks;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Matcher api = API.matcher(path);
        Matcher portal = PORTAL.matcher(path);
        boolean isApi = api.matches();
        if (!"GET".equals(request.getMethod()) || !isApi && !portal.matches()) {
            chain.doFilter(request, response);
            return;
        }
        VideoTask task;
        try {
            task = isApi ? byToken(request, api.group(1)) : bySession(request, portal.group(1));
        } catch (WebApplicationException refused) {
            write(response, refused.getResponse());
            return;
        } catch (ApiException refused) {
            write(response, ErrorEnvelope.response(refused));
            return;
        }
        AsyncContext async = request.startAsync();
        async.setTimeout(TimeUnit.MINUTES.toMillis(30));
        ContentRelay relay = new ContentRelay(async, task.id());
        tasks.refresh(task).whenComplete((current, failure) -> {
            try {
                if (failure != null) {
                    relay.fail(TaskLifecycle.apiException(failure));
                } else if (current.status() != VideoStatus.SUCCEEDED) {
                    relay.fail(ErrorKind.CONFLICT.error("video_not_ready", "The video "
                            + "is not ready: the task is " + current.status().wire() + "."));
                } else {
                    TaskLifecycle.Route route = tasks.routeOf(current);
                    relay.attach(route.upstream().download(route.provider(), current.job(), relay));
                }
            } catch (RuntimeException e) {
                relay.fail(TaskLifecycle.apiException(e));
            }
        });
    }

    private VideoTask byToken(HttpServletRequest request, String token) {
        ApiKey key = keys.authenticate(request);
        AccessRecord.of(request).caller(key.id(), key.accountId());
        return tasks.owned(token, caller.keyId(), caller.accountId());
    }

    private VideoTask bySession(HttpServletRequest request, String taskId) {
        PortalViewer viewer = PortalViewer.of(request).orElseThrow(() -> ErrorKind.UNAUTHORIZED.error(
                "session_required", "Sign in to the portal first."));
        return tasks.ofAccount(taskId, viewer.accountId());
    }

    private static void write(HttpServletResponse response, Response refusal) throws IOException {
        response.setStatus(refusal.getStatus());
        refusal.getStringHeaders().forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
        response.setContentType("application/json");
        response.getOutputStream().write(String.valueOf(refusal.getEntity()).getBytes(StandardCharsets.UTF_8));
    }
}
