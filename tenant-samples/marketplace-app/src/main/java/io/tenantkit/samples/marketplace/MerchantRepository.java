package io.tenantkit.samples.marketplace;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** The current site's merchants: Hibernate adds the tenant to every statement, including the bulk ones below. */
interface MerchantRepository extends JpaRepository<Merchant, Long> {

    @Query("select m from Merchant m order by m.id")
    List<Merchant> findAllInOrder();

    /** A bulk JPQL update: restricted to the current tenant's rows like any other statement. */
    @Modifying
    @Query("update Merchant m set m.name = :name where m.id = :id")
    int rename(@Param("id") long id, @Param("name") String name);

    /** A bulk JPQL delete: restricted to the current tenant's rows like any other statement. */
    @Modifying
    @Query("delete from Merchant m where m.id = :id")
    int deleteInBulk(@Param("id") long id);
}
