package io.tenantkit.spring.jpa.shared;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** Reference data every tenant shares: no tenant column. */
@Entity
public class Country {

    @Id
    private String code;

    protected Country() {
    }

    public Country(String code) {
        this.code = code;
    }

    public String getCode() {
        return code;
    }
}
