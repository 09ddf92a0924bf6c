/**
 * The annotation processor that generates a router class for every
 * {@link io.tenantkit.extension.ExtensionPoint @ExtensionPoint} interface, so that calls through an
 * injected extension point cost no reflection.
 */
@NullMarked
package io.tenantkit.extension.processor;

import org.jspecify.annotations.NullMarked;
