package io.tenantkit.spring.kafka;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * spring-kafka-test's embedded KRaft broker, for Kafka 4.3.1: the build runs Kafka 4.3.1 instead of the
 * 4.2.2 Spring Boot manages because the test jars of 4.2.2 are not served where this build resolves from
 * (see kafka.version in the parent POM), and spring-kafka-test 4.1.2 reads the broker list through
 * {@code KafkaClusterTestKit.clientProperties()}, which Kafka 4.3 removed. This reads it through
 * {@code bootstrapServers()} instead; everything else is spring-kafka-test's own broker.
 */
final class KafkaTestBroker extends EmbeddedKafkaKraftBroker {

    private boolean started;

    KafkaTestBroker(int partitions, String... topics) {
        super(1, partitions, topics);
    }

    /** Starts the broker once; later calls do nothing. */
    synchronized KafkaTestBroker start() {
        if (!started) {
            afterPropertiesSet();
            started = true;
        }
        return this;
    }

    @Override
    public String getBrokersAsString() {
        return getCluster().bootstrapServers();
    }
}
