package io.tenantkit.spring.extension.jpmodule.internal;

/** A module-private bean (not an extension). */
public class YamatoDirectory {

    public String carrier() {
        return "yamato";
    }
}
