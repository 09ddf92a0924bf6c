/** The global defaults of the marketplace's extension points: what a site gets until its module overrides it. */
@NullMarked
package io.tenantkit.samples.marketplace.api.defaults;

import org.jspecify.annotations.NullMarked;
