package io.tenantkit.spring.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.server.PathContainer;

/**
 * The path of a request within the application, as the servlet container mapped it: decoded, with
 * {@code ..} segments and path parameters already resolved, so that {@code /actuator/../api/x} is seen
 * as {@code /api/x}, the path Spring MVC dispatches to.
 */
final class RequestPaths {

    private RequestPaths() {
    }

    static String pathWithinApplication(HttpServletRequest request) {
        String servletPath = request.getServletPath();
        String pathInfo = request.getPathInfo();
        String path = pathInfo == null ? servletPath : servletPath + pathInfo;
        return path.isEmpty() ? "/" : path;
    }

    /** The decoded path as a container for {@code PathPattern} matching, with no second round of decoding. */
    static PathContainer container(String decodedPath) {
        return PathContainer.parsePath(decodedPath.replace("%", "%25"), PathContainer.Options.HTTP_PATH);
    }
}
