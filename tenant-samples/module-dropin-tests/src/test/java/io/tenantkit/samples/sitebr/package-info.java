/** A test fixture: the br country module, dropped in by being on the class path. */
@NullMarked
package io.tenantkit.samples.sitebr;

import org.jspecify.annotations.NullMarked;
