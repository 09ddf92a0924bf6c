package io.tenantkit.samples.marketplace;

import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * A merchant that applied to sell on one site. {@link #tenant} is Hibernate's tenant discriminator: written from
 * the current tenant on insert and added to every query, update and delete, so no code here filters by tenant.
 */
@Entity
class Merchant {

    /** An identity column: ids count up across sites (1, 2, 3, ...), which keeps the docs' examples predictable. */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @TenantId
    @Column(nullable = false, updatable = false)
    private @Nullable String tenant;

    @Column(nullable = false)
    private String name;

    /** The KYC documents submitted so far, comma-separated (ids from the site's KycPolicy, never free text). */
    @Column(nullable = false)
    private String documents;

    protected Merchant() {
        this.name = "";
        this.documents = "";
    }

    Merchant(String name, List<String> documents) {
        this.name = name;
        this.documents = String.join(",", documents);
    }

    long id() {
        if (id == null) {
            throw new IllegalStateException("merchant not saved yet");
        }
        return id;
    }

    @Nullable String tenant() {
        return tenant;
    }

    String name() {
        return name;
    }

    List<String> documents() {
        return documents.isEmpty() ? List.of() : Arrays.asList(documents.split(","));
    }
}
