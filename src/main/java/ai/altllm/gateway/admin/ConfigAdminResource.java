package ai.altllm.gateway.admin;

import static ai.altllm.gateway.json.Jsonp.JSON;

import ai.altllm.gateway.config.ConfigException;
import ai.altllm.gateway.config.ConfigReload;
import ai.altllm.gateway.config.Configuration;
import ai.altllm.gateway.errors.ErrorKind;
import ai.altllm.gateway.web.Admin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code POST /admin/v1/config/reload}: reads the config file again now, rather than at the watcher's next look. */
@Path("admin/v1/config")
@Admin
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class ConfigAdminResource {

    @Inject
    Configuration configuration;

    @POST
    @Path("reload")
    public String reload() {
        ConfigReload reload;
        try {
            reload = configuration.reload();
        } catch (ConfigException e) {
            throw ErrorKind.BAD_REQUEST.error("config_invalid", e.getMessage() + " (the configuration in force stays)");
        }
        return JSON.createObjectBuilder()
                .add("object", "config.reload")
                .add("source", reload.config().source())
                .add("watched", configuration.file().isPresent())
                .add("changed", reload.changed())
                .add("providers", reload.config().providers().size())
                .add("models", reload.config().models().size())
                .add("restart_required", JSON.createArrayBuilder(reload.restartRequired()))
                .build().toString();
    }
}
