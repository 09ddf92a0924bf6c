package io.tenantkit.extension.other;

import io.tenantkit.extension.ExtensionPoint;

/**
 * A package-private extension point outside {@code io.tenantkit.extension}, where reflection from
 * TenantKit's classes has no access to it, for the router tests.
 */
public final class Greetings {

    private Greetings() {
    }

    /** The package-private point. */
    public static Class<?> point() {
        return Greeting.class;
    }

    /** An implementation answering {@code word + ", " + name}. */
    public static Object saying(String word) {
        return (Greeting) name -> word + ", " + name;
    }

    /** Calls {@code router} (a router of the point) as shared code in this package would. */
    public static String greet(Object router, String name) {
        return ((Greeting) router).politely(name);
    }

    @ExtensionPoint
    interface Greeting {

        String greet(String name);

        default String politely(String name) {
            return greet(name) + "!";
        }
    }
}
