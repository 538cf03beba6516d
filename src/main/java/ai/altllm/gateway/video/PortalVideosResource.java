package ai.altllm.gateway.video;

import static ai.altllm.gateway.json.Jsonp.JSON;

import ai.altllm.gateway.portal.PortalViewer;
import ai.altllm.gateway.web.Session;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code /portal/api/videos}: the Videos page's history, newest first. An account sees its own tasks, the admin
 * everyone's; each finished video links to {@code api/videos/{id}/content}, served by the video content filter.
 */
@Path("portal/api/videos")
@Session
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PortalVideosResource {

    @Inject
    VideoTasks tasks;

    @Context
    HttpServletRequest request;

    @GET
    public String list(@QueryParam("status") String status, @QueryParam("limit") String limit) {
        PortalViewer viewer = PortalViewer.of(request).orElseThrow();
        JsonArrayBuilder data = JSON.createArrayBuilder();
        tasks.list(viewer.accountId(), VideoTasks.status(status), VideoTasks.limit(limit), null, null)
                .forEach(t -> data.add(TaskJson.of(t, null, "api/videos/" + t.id() + "/content")));
        return JSON.createObjectBuilder().add("object", "list").add("data", data).build().toString();
    }
}
