package io.tenantkit.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The scale program runs its measuring JVM and reports a row; the figures themselves are not asserted. */
class TenantScaleTest {

    @Test
    void measuresEachCountInAFreshJvmAndPrintsARow() throws Exception {
        List<String> table = TenantScale.table(List.of(10));

        assertThat(table).hasSize(3);
        assertThat(table.get(2)).startsWith("| 10 | ").matches("\\| 10 \\|( -?[0-9.,]+ \\|){7}");
    }
}
