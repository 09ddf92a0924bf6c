package io.tenantkit.spring.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.List;
import java.util.function.Function;

import io.tenantkit.context.MissingTenantException;
import io.tenantkit.context.TenantContext;
import io.tenantkit.spring.autoconfigure.TenantJpaAutoConfiguration;
import io.tenantkit.spring.jpa.shared.Country;
import io.tenantkit.spring.jpa.tenanted.Account;
import io.tenantkit.tenant.Tenant;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.context.spi.CurrentTenantIdentifierResolver;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Real Hibernate over a real (in-memory) H2 database: rows written under one tenant are invisible,
 * unchangeable and undeletable under another, through the entity manager and bulk JPQL alike.
 */
class TenantJpaAutoConfigurationTests {

    private static final Tenant JP = Tenant.builder("jp").build();
    private static final Tenant US = Tenant.builder("us").build();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, HibernateJpaAutoConfiguration.class,
                    TenantJpaAutoConfiguration.class))
            .withPropertyValues("spring.datasource.generate-unique-name=true", "spring.jpa.hibernate.ddl-auto=create-drop");

    @Test
    void aRowWrittenUnderJpIsInvisibleUnderUs() {
        runner.withUserConfiguration(TenantedEntities.class).run(context -> {
            EntityManagerFactory emf = context.getBean(EntityManagerFactory.class);
            long id = inTransaction(emf, JP, em -> persist(em, new Account("Acme KK")));

            Account found = inTransaction(emf, US, em -> em.find(Account.class, id));
            List<Account> listed = inTransaction(emf, US, em -> em.createQuery("select a from Account a", Account.class).getResultList());
            Long counted = inTransaction(emf, US, em -> em.createQuery("select count(a) from Account a", Long.class).getSingleResult());
            assertThat(found).isNull();
            assertThat(listed).isEmpty();
            assertThat(counted).isZero();
            Account seen = inTransaction(emf, JP, em -> em.find(Account.class, id));
            assertThat(seen.getName()).isEqualTo("Acme KK");
            assertThat(seen.getTenant()).isEqualTo("jp");
        });
    }

    @Test
    void bulkJpqlUpdatesAndDeletesUnderUsLeaveJpsRowsAlone() {
        runner.withUserConfiguration(TenantedEntities.class).run(context -> {
            EntityManagerFactory emf = context.getBean(EntityManagerFactory.class);
            long id = inTransaction(emf, JP, em -> persist(em, new Account("Acme KK")));

            int updated = inTransaction(emf, US, em -> em.createQuery("update Account a set a.name = 'taken' where a.id = :id")
                    .setParameter("id", id).executeUpdate());
            int updatedAll = inTransaction(emf, US, em -> em.createQuery("update Account a set a.name = 'taken'").executeUpdate());
            int deleted = inTransaction(emf, US, em -> em.createQuery("delete from Account a where a.id = :id")
                    .setParameter("id", id).executeUpdate());
            int deletedAll = inTransaction(emf, US, em -> em.createQuery("delete from Account").executeUpdate());

            assertThat(List.of(updated, updatedAll, deleted, deletedAll)).containsOnly(0);
            String name = inTransaction(emf, JP, em -> em.find(Account.class, id).getName());
            assertThat(name).isEqualTo("Acme KK");
        });
    }

    @Test
    void noRowOfAnotherTenantCanBeMergedOrRemoved() {
        runner.withUserConfiguration(TenantedEntities.class).run(context -> {
            EntityManagerFactory emf = context.getBean(EntityManagerFactory.class);
            Account jps = inTransaction(emf, JP, em -> {
                Account account = new Account("Acme KK");
                em.persist(account);
                return account;
            });
            jps.setName("taken");
            assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> inTransaction(emf, US, em -> em.merge(jps)));
            Account removed = inTransaction(emf, US, em -> {
                Account found = em.find(Account.class, jps.getId());
                if (found != null) {
                    em.remove(found);
                }
                return found;
            });
            String name = inTransaction(emf, JP, em -> em.find(Account.class, jps.getId()).getName());
            assertThat(removed).isNull();
            assertThat(name).isEqualTo("Acme KK");
        });
    }

    @Test
    void duringStartupASessionWithoutATenantOpensButSeesNoTenantsRows() {
        TenantIdentifierResolver resolver = new TenantIdentifierResolver(true);
        assertThat(resolver.resolveCurrentTenantIdentifier()).isEqualTo(TenantIdentifierResolver.STARTUP);
        resolver.started();
        assertThatExceptionOfType(MissingTenantException.class).isThrownBy(resolver::resolveCurrentTenantIdentifier);
        assertThat(TenantContext.supplyAs(JP, resolver::resolveCurrentTenantIdentifier)).isEqualTo("jp");
    }

    @Test
    void withoutATenantNoSessionOpensForTenantedEntities() {
        runner.withUserConfiguration(TenantedEntities.class).run(context -> {
            EntityManagerFactory emf = context.getBean(EntityManagerFactory.class);
            assertThat(context.getBean(TenantHibernatePropertiesCustomizer.class).resolver().required()).isTrue();
            assertThatExceptionOfType(MissingTenantException.class).isThrownBy(emf::createEntityManager)
                    .withMessageContaining("but Hibernate (opening a session, an EntityManager, for entities with a @TenantId) needs one");
        });
    }

    @Test
    void applicationsWithOnlySharedEntitiesStillOpenSessionsWithoutATenant() {
        runner.withUserConfiguration(SharedEntities.class).run(context -> {
            EntityManagerFactory emf = context.getBean(EntityManagerFactory.class);
            assertThat(context.getBean(TenantHibernatePropertiesCustomizer.class).resolver().required()).isFalse();
            try (EntityManager em = emf.createEntityManager()) {
                em.getTransaction().begin();
                em.persist(new Country("JP"));
                em.getTransaction().commit();
                assertThat(em.find(Country.class, "JP")).isNotNull();
            }
        });
    }

    @Test
    void theApplicationsOwnResolverWins() {
        runner.withUserConfiguration(TenantedEntities.class)
                .withPropertyValues("spring.jpa.properties.hibernate.tenant_identifier_resolver=" + FixedResolver.class.getName())
                .run(context -> {
                    EntityManagerFactory emf = context.getBean(EntityManagerFactory.class);
                    assertThat(emf.getProperties().get("hibernate.tenant_identifier_resolver")).isEqualTo(FixedResolver.class.getName());
                });
    }

    @Test
    void backsOffToTheApplicationsOwnCustomizerAndOffWithTenantkitDisabled() {
        runner.withUserConfiguration(TenantedEntities.class, OwnCustomizer.class)
                .run(context -> assertThat(context).getBean(TenantHibernatePropertiesCustomizer.class).isSameAs(context.getBean("own")));
        runner.withUserConfiguration(SharedEntities.class).withPropertyValues("tenantkit.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(TenantHibernatePropertiesCustomizer.class));
    }

    private static long persist(EntityManager em, Account account) {
        em.persist(account);
        return account.getId();
    }

    private static <T> T inTransaction(EntityManagerFactory emf, Tenant tenant, Function<EntityManager, T> work) {
        return TenantContext.supplyAs(tenant, () -> {
            try (EntityManager em = emf.createEntityManager()) {
                em.getTransaction().begin();
                try {
                    T result = work.apply(em);
                    em.getTransaction().commit();
                    return result;
                } finally {
                    if (em.getTransaction().isActive()) {
                        em.getTransaction().rollback();
                    }
                }
            }
        });
    }

    @Configuration(proxyBeanMethods = false)
    @EntityScan(basePackageClasses = Account.class)
    static class TenantedEntities {
    }

    @Configuration(proxyBeanMethods = false)
    @EntityScan(basePackageClasses = Country.class)
    static class SharedEntities {
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnCustomizer {

        @Bean
        TenantHibernatePropertiesCustomizer own() {
            return new TenantHibernatePropertiesCustomizer(List.of(), null);
        }
    }

    /** An application's own resolver, named in {@code spring.jpa.properties}. */
    public static final class FixedResolver implements CurrentTenantIdentifierResolver<String> {

        @Override
        public String resolveCurrentTenantIdentifier() {
            return "fixed";
        }

        @Override
        public boolean validateExistingCurrentSessions() {
            return false;
        }
    }
}
