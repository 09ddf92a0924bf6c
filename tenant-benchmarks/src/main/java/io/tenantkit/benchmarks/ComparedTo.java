package io.tenantkit.benchmarks;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the benchmark methods of the same class that a benchmark is compared with: the report divides
 * this benchmark's score by each one's, for the same {@code @Param} values, measured in the same run.
 * A benchmark without this annotation is a baseline (ratio 1).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ComparedTo {

    /** The names of the baseline benchmark methods in the same class; the first one orders the report. */
    String[] value();
}
