package io.tenantkit.spring.extension;

import io.tenantkit.extension.ExtensionPoint;

/** Test extension point that sites may go without: no test module implements it. */
@ExtensionPoint(optional = true)
public interface LoyaltyProgram {

    String name();
}
