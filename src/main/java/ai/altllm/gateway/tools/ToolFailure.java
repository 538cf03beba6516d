package ai.altllm.gateway.tools;

/** A built-in tool's refusal or failure, whose message the model receives as the tool's result. */
public class ToolFailure extends RuntimeException {

    public ToolFailure(String message) {
        super(message, null, false, false);
    }
}
