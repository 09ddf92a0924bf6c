package io.tenantkit.samples.marketplace;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/merchants} applies to sell on the request's site; {@code GET /api/merchants} lists the site's merchants. */
@RestController
class MerchantController {

    private final Onboarding onboarding;

    MerchantController(Onboarding onboarding) {
        this.onboarding = onboarding;
    }

    @PostMapping("/api/merchants")
    @ResponseStatus(HttpStatus.CREATED)
    Onboarding.MerchantView apply(@Valid @RequestBody Application application) {
        return onboarding.apply(application.name().strip(), application.documents() == null ? List.of() : application.documents());
    }

    @GetMapping("/api/merchants")
    List<Onboarding.MerchantView> list() {
        return onboarding.list();
    }

    /**
     * A merchant's application.
     *
     * @param name the merchant's name
     * @param documents the KYC documents submitted with it, optional (ids such as {@code my-number-card})
     */
    record Application(@NotBlank @Size(max = 200) String name,
            @Nullable @Size(max = 20) List<@Pattern(regexp = "[a-z0-9-]{1,64}") String> documents) {
    }
}
