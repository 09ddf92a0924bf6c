package io.tenantkit.spring.jpa.tenanted;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

import org.hibernate.annotations.TenantId;

/** A row per tenant: Hibernate fills and filters {@code tenant}. */
@Entity
public class Account {

    @Id
    @GeneratedValue
    private Long id;

    @TenantId
    private String tenant;

    private String name;

    protected Account() {
    }

    public Account(String name) {
        this.name = name;
    }

    public Long getId() {
        return id;
    }

    public String getTenant() {
        return tenant;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
