package ai.altllm.gateway.chat;

/** The two ways a chat request is answered; sealed so the route inventory can list the locator's verbs. */
public sealed interface ChatReply permits JsonReply, StreamReply {
}
