package ai.altllm.gateway.portal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * Who is signed in to the portal, for code outside this package that serves portal data itself.
 *
 * @param accountId the signed-in account, or {@code null} for the admin, who sees every account
 */
public record PortalViewer(String accountId) {

    public static Optional<PortalViewer> of(HttpServletRequest request) {
        PortalSession session = PortalSession.of(request);
        return session == null ? Optional.empty()
                : Optional.of(new PortalViewer(session.admin() ? null : session.accountId()));
    }
}
