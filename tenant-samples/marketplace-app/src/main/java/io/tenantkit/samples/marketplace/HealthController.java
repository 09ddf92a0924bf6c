package io.tenantkit.samples.marketplace;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Answers whether the app is up; needs no tenant. */
@RestController
class HealthController {

    @GetMapping("/ping")
    Map<String, String> ping() {
        return Map.of("status", "up");
    }
}
