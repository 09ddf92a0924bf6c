package io.tenantkit.spring.testapp;

import java.util.concurrent.CompletableFuture;

import io.tenantkit.context.TenantContext;
import io.tenantkit.tenant.Tenant;

import org.slf4j.MDC;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;

/** An {@code @Async} method reporting what its pooled thread sees. */
@Component
public class AsyncProbe {

    /** What the task saw: tenant, MDC tenant, the application decorator's MDC entry, the request id, thread. */
    @Async
    public CompletableFuture<Seen> probe() {
        Tenant tenant = TenantContext.currentOrNull();
        return CompletableFuture.completedFuture(new Seen(tenant == null ? null : tenant.id().value(),
                MDC.get(TenantContext.MDC_KEY), MDC.get(PropagationTestApplication.USER_DECORATOR_MDC_KEY),
                MDC.get("requestId"), Thread.currentThread().getName()));
    }

    /** What a task saw. */
    public record Seen(String tenant, String mdcTenant, String userDecorator, String requestId, String thread) {
    }
}
