package ai.altllm.gateway.web;

import ai.altllm.gateway.errors.ErrorEnvelope;
import ai.altllm.gateway.errors.ErrorKind;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The container's error page (see web.xml): errors raised outside JAX-RS, by the servlet container itself, still
 * reach the client as the OpenAI envelope rather than an HTML page.
 */
@WebServlet(urlPatterns = "/_error", asyncSupported = true)
public class ErrorPageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : HttpServletResponse.SC_NOT_FOUND;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        ErrorKind kind = ErrorKind.of(status);
        String message = status == 404 ? "Unknown URL: " + (uri == null ? request.getRequestURI() : uri)
                : status >= 500 ? "The gateway could not complete the request; quote request id "
                        + RequestIds.of(request) + " when reporting it."
                : "The request was refused (HTTP " + status + ")";
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(ErrorEnvelope.of(message, kind.type(), null, kind.code()).toString());
    }
}
