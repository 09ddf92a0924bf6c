package io.tenantkit.spring.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.tenantkit.context.TenantContext;
import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantId;
import io.tenantkit.tenant.TenantRegistry;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.MDC;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The tenant over a real Kafka broker (spring-kafka-test's embedded KRaft broker, one for this class):
 * records produced under jp and us from several threads are consumed by a concurrent listener each as its
 * own tenant; refused records (no header, hostile, unknown, inactive, suspended) reach a dead-letter topic
 * once, naming the reason, without the listener seeing them; a batch listener processes a mixed batch
 * record by record; the consumer threads hold no tenant and no MDC value between polls.
 */
@DirtiesContext
@SpringBootTest(classes = TenantKafkaIntegrationTests.KafkaTestApp.class, properties = {
        "spring.kafka.consumer.auto-offset-reset=earliest",
        "spring.kafka.consumer.properties.max.poll.interval.ms=30000",
        "tenantkit.tenants.jp.name=Japan", "tenantkit.tenants.us.name=United States",
        "tenantkit.tenants.apac.status=inactive", "tenantkit.tenants.closed.status=suspended",
        "tenantkit.kafka.tenantless-group-ids=audit,dlt"})
class TenantKafkaIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(20);

    /** One broker for this class, stopped with its context (after the listener containers). */
    private static final KafkaTestBroker BROKER = new KafkaTestBroker(2, "orders", "batch-orders", "audit", "orders.DLT");

    @DynamicPropertySource
    static void broker(DynamicPropertyRegistry properties) {
        properties.add("spring.kafka.bootstrap-servers", () -> BROKER.start().getBrokersAsString());
    }

    @Autowired
    KafkaTemplate<Object, Object> template;

    @Autowired
    TenantRegistry registry;

    @Autowired
    Probe probe;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @BeforeEach
    void clear() {
        probe.clear();
    }

    @Test
    void recordsProducedUnderJpAndUsFromSeveralThreadsAreEachProcessedAsTheirOwnTenant() throws Exception {
        awaitEveryConsumerOfOrdersHasAPartition();
        int perThread = 25;
        ExecutorService senders = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                Tenant tenant = registry.require(TenantId.of(t % 2 == 0 ? "jp" : "us"));
                int thread = t;
                sent.add(senders.submit(() -> TenantContext.runAs(tenant, () -> {
                    for (int i = 0; i < perThread; i++) {
                        template.send("orders", String.valueOf(i), tenant.id() + ":" + thread + ":" + i);
                    }
                    template.flush();
                })));
            }
            for (Future<?> f : sent) {
                f.get(20, TimeUnit.SECONDS);
            }
        } finally {
            senders.shutdownNow();
        }

        List<Seen> seen = probe.take(probe.orders, 4 * perThread);
        assertThat(seen).hasSize(4 * perThread)
                .allSatisfy(s -> {
                    assertThat(s.tenant()).isEqualTo(s.payload().substring(0, 2));
                    assertThat(s.mdc()).isEqualTo(s.tenant());
                    assertThat(s.interceptorTenant()).isEqualTo(s.tenant());
                });
        assertThat(seen).extracting(Seen::thread).doesNotHaveDuplicates().isNotEmpty();
        assertThat(probe.threadsSeen).as("concurrent listener").hasSizeGreaterThan(1);
        assertThat(probe.strayState).as("tenant or MDC left on a consumer thread before a poll").isEmpty();
        assertThat(TenantContext.currentOrNull()).isNull();
    }

    @Test
    void aRecordWithoutTenantHeaderGoesToTheDeadLetterTopicOnceAndNeverToTheListener() throws Exception {
        template.send("orders", "no-header").get(10, TimeUnit.SECONDS);

        Dead dead = probe.dead("no-header");
        assertThat(dead.exception()).isEqualTo(TenantRecordException.class.getName());
        assertThat(dead.message()).contains("\"orders\" partition", "offset", "refused (MISSING)", "no X-Tenant-Id header",
                "tenantkit.kafka.tenantless-group-ids");
        assertThat(dead.tenantHeader()).isNull();
        assertThat(probe.failures.get("no-header")).as("not retried").hasValue(1);
        assertThat(probe.ordersPayloads).doesNotContain("no-header");
    }

    @Test
    void unknownInactiveAndSuspendedTenantsAreRefusedEachWithItsReason() throws Exception {
        send("for-unknown", "zz");
        send("for-inactive", "apac");
        send("for-suspended", "closed");

        assertThat(probe.dead("for-unknown").message()).contains("refused (UNKNOWN)", "tenant 'zz', which this service does not serve");
        assertThat(probe.dead("for-inactive").message()).contains("refused (UNKNOWN)", "tenant 'apac'");
        assertThat(probe.dead("for-suspended").message()).contains("refused (SUSPENDED)", "tenant 'closed', which is suspended");
        assertThat(probe.dead("for-suspended").tenantHeader()).as("the dead letter keeps the header for a replay").isEqualTo("closed");
        assertThat(probe.ordersPayloads).doesNotContain("for-unknown", "for-inactive", "for-suspended");
    }

    @Test
    void twoTenantHeadersThatDifferAreMalformed() throws Exception {
        ProducerRecord<Object, Object> record = new ProducerRecord<>("orders", "two-headers");
        record.headers().add("X-Tenant-Id", bytes("jp")).add("X-Tenant-Id", bytes("us"));
        template.send(record).get(10, TimeUnit.SECONDS);

        assertThat(probe.dead("two-headers").message()).contains("refused (MALFORMED)", "several X-Tenant-Id headers that differ");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.tenantkit.spring.web.TenantWebFilterHttpTests#hostileHeaderValues")
    void hostileHeaderValuesAreRefusedAsMalformedWithTheValueEscaped(String label, String value) throws Exception {
        assertMalformed("hostile " + label, value.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.tenantkit.spring.web.TenantWebFilterHttpTests#hostileHeaderBytes")
    void hostileHeaderBytesAreRefusedAsMalformedWithTheValueEscaped(String label, byte[] value) throws Exception {
        assertMalformed("bytes " + label, value);
    }

    private void assertMalformed(String payload, byte[] value) throws Exception {
        ProducerRecord<Object, Object> record = new ProducerRecord<>("orders", payload);
        record.headers().add("X-Tenant-Id", value);
        template.send(record).get(10, TimeUnit.SECONDS);

        Dead dead = probe.dead(payload);
        assertThat(dead.message()).contains("refused (MALFORMED)", "is not a tenant id");
        assertThat(dead.message().chars()).as("escaped").allMatch(c -> c >= 0x20 && c < 0x7f);
        assertThat(probe.ordersPayloads).doesNotContain(payload);
    }

    @Test
    void aHeaderNamingAnotherTenantIsRefusedOnTheSendingThread() {
        ProducerRecord<Object, Object> record = new ProducerRecord<>("orders", "forged");
        record.headers().add("X-Tenant-Id", bytes("us"));

        assertThatExceptionOfType(IllegalStateException.class)
                .isThrownBy(() -> TenantContext.runAs(registry.require(TenantId.of("jp")), () -> template.send(record)))
                .withMessageContaining("inside tenant 'jp': its X-Tenant-Id header names \"us\"");
    }

    @Test
    void theSameHeaderSetByTheCallerIsKeptOnce() throws Exception {
        ProducerRecord<Object, Object> record = new ProducerRecord<>("orders", "us:same");
        record.headers().add("X-Tenant-Id", bytes("us")).add("X-Tenant-Id", bytes("us"));
        TenantContext.runAs(registry.require(TenantId.of("us")), () -> template.send(record));

        assertThat(probe.take(probe.orders, 1)).singleElement().extracting(Seen::tenant).isEqualTo("us");
        assertThat(record.headers().headers("X-Tenant-Id")).hasSize(1);
    }

    @Test
    void aBatchMixingTenantsIsProcessedRecordByRecordAndARefusedRecordGoesToTheDeadLetterTopic() throws Exception {
        send("batch-orders", "jp:b1", "jp");
        template.send("batch-orders", "batch-none");
        send("batch-orders", "us:b2", "us");
        template.flush();

        List<Seen> seen = probe.take(probe.batch, 2);
        assertThat(seen).extracting(Seen::payload).containsExactlyInAnyOrder("jp:b1", "us:b2");
        assertThat(seen).allSatisfy(s -> assertThat(s.tenant()).isEqualTo(s.payload().substring(0, 2)));
        assertThat(probe.dead("batch-none").message()).contains("refused (MISSING)");
    }

    @Test
    void aTenantlessListenerRunsWithoutTenantWhateverTheHeaderSays() throws Exception {
        template.send("audit", "plain").get(10, TimeUnit.SECONDS);
        send("audit", "with-header", "jp");

        List<Seen> seen = probe.take(probe.audit, 2);
        assertThat(seen).extracting(Seen::payload).containsExactlyInAnyOrder("plain", "with-header");
        assertThat(seen).allSatisfy(s -> {
            assertThat(s.tenant()).isNull();
            assertThat(s.mdc()).isNull();
        });
    }

    /** Both consumers of the concurrent listener own a partition, so that both take part. */
    private void awaitEveryConsumerOfOrdersHasAPartition() throws InterruptedException {
        ConcurrentMessageListenerContainer<?, ?> orders = (ConcurrentMessageListenerContainer<?, ?>) listeners.getListenerContainer("orders");
        long end = System.currentTimeMillis() + WAIT.toMillis();
        while (System.currentTimeMillis() < end && !orders.getContainers().stream()
                .allMatch(c -> c.getAssignedPartitions() != null && !c.getAssignedPartitions().isEmpty())) {
            Thread.sleep(100);
        }
        assertThat(orders.getContainers()).as("consumers of orders").hasSize(2)
                .allSatisfy(c -> assertThat(c.getAssignedPartitions()).isNotEmpty());
    }

    private void send(String payload, String tenantHeader) throws Exception {
        send("orders", payload, tenantHeader);
    }

    private void send(String topic, String payload, String tenantHeader) throws Exception {
        ProducerRecord<Object, Object> record = new ProducerRecord<>(topic, payload);
        record.headers().add("X-Tenant-Id", bytes(tenantHeader));
        template.send(record).get(10, TimeUnit.SECONDS);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    record Seen(String payload, @Nullable String tenant, @Nullable String mdc, @Nullable String interceptorTenant, String thread) {
    }

    record Dead(String payload, @Nullable String tenantHeader, String exception, String message) {
    }

    /** What the listeners, the application's own interceptor and the dead-letter listener saw. */
    static final class Probe implements RecordInterceptor<Object, Object> {

        final BlockingQueue<Seen> orders = new LinkedBlockingQueue<>();
        final BlockingQueue<Seen> batch = new LinkedBlockingQueue<>();
        final BlockingQueue<Seen> audit = new LinkedBlockingQueue<>();
        final Map<String, Dead> deadLetters = new ConcurrentHashMap<>();
        final List<String> ordersPayloads = new java.util.concurrent.CopyOnWriteArrayList<>();
        final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
        final Map<String, String> strayState = new ConcurrentHashMap<>();
        final Map<String, Boolean> threadsSeen = new ConcurrentHashMap<>();
        private final Map<Object, String> interceptorTenants = new ConcurrentHashMap<>();

        void clear() {
            orders.clear();
            batch.clear();
            audit.clear();
        }

        @Override
        public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
            String tenant = currentTenant();
            if (tenant != null) {
                interceptorTenants.put(record.value(), tenant);
            }
            return record;
        }

        @Override
        public void failure(ConsumerRecord<Object, Object> record, Exception exception, Consumer<Object, Object> consumer) {
            failures.computeIfAbsent(String.valueOf(record.value()), k -> new AtomicInteger()).incrementAndGet();
        }

        @Override
        public void setupThreadState(Consumer<?, ?> consumer) {
            if (TenantContext.currentOrNull() != null || MDC.get(TenantContext.MDC_KEY) != null) {
                strayState.put(Thread.currentThread().getName(), currentTenant() + "/" + MDC.get(TenantContext.MDC_KEY));
            }
        }

        void seen(BlockingQueue<Seen> queue, String payload) {
            threadsSeen.put(Thread.currentThread().getName(), true);
            queue.add(new Seen(payload, currentTenant(), MDC.get(TenantContext.MDC_KEY), interceptorTenants.get(payload),
                    Thread.currentThread().getName() + "#" + payload));
        }

        List<Seen> take(BlockingQueue<Seen> queue, int count) throws InterruptedException {
            List<Seen> taken = new ArrayList<>();
            long end = System.currentTimeMillis() + WAIT.toMillis();
            while (taken.size() < count && System.currentTimeMillis() < end) {
                Seen next = queue.poll(200, TimeUnit.MILLISECONDS);
                if (next != null) {
                    taken.add(next);
                }
            }
            return taken;
        }

        Dead dead(String payload) throws InterruptedException {
            long end = System.currentTimeMillis() + WAIT.toMillis();
            while (!deadLetters.containsKey(payload) && System.currentTimeMillis() < end) {
                Thread.sleep(50);
            }
            assertThat(deadLetters).as("dead letter for " + payload).containsKey(payload);
            return deadLetters.get(payload);
        }

        private static @Nullable String currentTenant() {
            Tenant tenant = TenantContext.currentOrNull();
            return tenant == null ? null : tenant.id().value();
        }
    }

    /** A batch listener: no record interceptor reaches it, so it enters each record's tenant itself. */
    record BatchListener(Probe probe, TenantRecordResolver tenants) {

        // tag::batch[]
        @KafkaListener(id = "batch", topics = "batch-orders", batch = "true")
        void onBatch(List<ConsumerRecord<String, String>> records) {
            tenants.forEach(records, record -> probe.seen(probe.batch, record.value()));
        }
        // end::batch[]
    }

    @SpringBootApplication
    static class KafkaTestApp {

        @Bean
        DisposableBean stopBroker() {
            return BROKER::destroy;
        }

        @Bean
        Probe probe() {
            return new Probe();
        }

        // tag::dead-letter[]
        @Bean
        DefaultErrorHandler errorHandler(KafkaTemplate<Object, Object> template) {
            return new DefaultErrorHandler(new DeadLetterPublishingRecoverer(template,
                    (record, e) -> new TopicPartition("orders.DLT", -1)), new FixedBackOff(0, 2));
        }
        // end::dead-letter[]

        @KafkaListener(id = "orders", topics = "orders", concurrency = "2")
        void onOrder(ConsumerRecord<String, String> record) {
            probe().ordersPayloads.add(record.value());
            probe().seen(probe().orders, record.value());
        }

        @Bean
        BatchListener batchListener(Probe probe, TenantRecordResolver tenants) {
            return new BatchListener(probe, tenants);
        }

        @KafkaListener(id = "audit", topics = "audit")
        void onAudit(ConsumerRecord<String, String> record) {
            probe().seen(probe().audit, record.value());
        }

        @KafkaListener(id = "dlt", topics = "orders.DLT")
        void onDeadLetter(ConsumerRecord<String, String> record) {
            Map<String, String> headers = new HashMap<>();
            for (Header header : record.headers()) {
                headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
            }
            probe().deadLetters.put(record.value(), new Dead(record.value(), headers.get("X-Tenant-Id"),
                    headers.get(KafkaHeaders.DLT_EXCEPTION_FQCN), headers.get(KafkaHeaders.DLT_EXCEPTION_MESSAGE)));
        }
    }
}
