package io.tenantkit.spring.web;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.tenantkit.context.TenantContext;
import io.tenantkit.tenant.Tenant;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Forwards and includes into {@link ProbeController}'s tenant-required {@code /api/whoami}, from the
 * excluded {@code /legacy/**} and from a required path; and a CORS-enabled endpoint.
 */
@Controller
class DispatchController {

    @GetMapping("/legacy/forward")
    String forwardFromExcluded() {
        return "forward:/api/whoami";
    }

    @GetMapping("/api/forward")
    String forwardFromRequired() {
        return "forward:/api/whoami";
    }

    @GetMapping("/legacy/include")
    void includeFromExcluded(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        request.getRequestDispatcher("/api/whoami").include(request, response);
    }

    @CrossOrigin("https://jp.shop.example")
    @GetMapping("/api/cors")
    @ResponseBody
    String cors() {
        Tenant tenant = TenantContext.currentOrNull();
        return tenant == null ? "none" : tenant.id().value();
    }
}
