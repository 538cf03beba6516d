package ai.altllm.gateway.models;

import static ai.altllm.gateway.json.Jsonp.JSON;

import ai.altllm.gateway.config.ConfigReload;
import ai.altllm.gateway.config.Configuration;
import ai.altllm.gateway.config.GatewayConfig;
import ai.altllm.gateway.config.ModelConfig;
import ai.altllm.gateway.errors.ApiException;
import ai.altllm.gateway.errors.ErrorKind;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The public model catalog, rendered at start and on each reload, so listing it costs nothing per request. */
@ApplicationScoped
public class Catalog {

    @Inject
    Configuration configuration;

    private volatile String listJson;
    private volatile Map<String, String> modelJson;

    void reloaded(@Observes(notifyObserver = Reception.IF_EXISTS) ConfigReload reload) {
        render();
    }

    @PostConstruct
    void render() {
        JsonArrayBuilder data = JSON.createArrayBuilder();
        Map<String, String> byId = new LinkedHashMap<>();
        for (ModelConfig model : configuration.get().models()) {
            data.add(model.publicView());
            byId.put(model.id(), model.publicView().toString());
        }
        listJson = JSON.createObjectBuilder().add("object", "list").add("data", data).build().toString();
        modelJson = Map.copyOf(byId);
    }

    public String listJson() {
        return listJson;
    }

    public String modelJson(String id) {
        String json = modelJson.get(id);
        if (json == null) {
            throw modelNotFound(id);
        }
        return json;
    }

    /** The configured model behind a public id, or the same 404 {@code model_not_found} the catalog answers. */
    public ModelConfig model(String id) {
        return model(configuration.get(), id);
    }

    /** As {@link #model(String)}, from one configuration that a request reads all its settings from. */
    public ModelConfig model(GatewayConfig config, String id) {
        return config.model(id).orElseThrow(() -> modelNotFound(id));
    }

    private static ApiException modelNotFound(String id) {
        return ErrorKind.NOT_FOUND.error("model_not_found", "model",
                "The model '" + id + "' does not exist; GET /v1/models lists the available models.");
    }

    /** Every feature at least one model of the catalog supports, sorted. */
    public List<String> features() {
        return configuration.get().models().stream().flatMap(m -> m.features().stream()).distinct().sorted().toList();
    }

    public int size() {
        return modelJson.size();
    }
}
