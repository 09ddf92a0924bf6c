package io.tenantkit.extension;

import java.io.IOException;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** Extension points used by the tests, nested to exercise router naming. */
final class TestPoints {

    private TestPoints() {
    }

    /** Documents a merchant must submit; combined over the chain. */
    @ExtensionPoint
    interface KycPolicy {

        List<String> documents();

        boolean blocks(String merchant);

        @Nullable String review(String merchant);
    }

    /** Optional: only some sites pay out through a local bank. */
    @ExtensionPoint(optional = true)
    interface PayoutRouter {

        String bank();
    }

    /** Exercises the generator: generics, varargs, checked exceptions, default methods. */
    @ExtensionPoint
    interface Formatter<V extends Comparable<V>> {

        <X extends CharSequence> String format(V value, X prefix, Object... rest) throws IOException;

        void touch();

        default String twice(V value) throws IOException {
            return format(value, "") + format(value, "");
        }
    }
}
