/**
 * Benchmarks of extension dispatch: a one-line {@code fee(amount)} extension point answered at the
 * tenant, region or global level, called directly (the limit), through hand-rolled tenant-indexed tables
 * (the reference floor) and through COLA's {@code ExtensionExecutor} (the peer).
 */
@NullMarked
package io.tenantkit.extension;

import org.jspecify.annotations.NullMarked;
