package io.tenantkit.spring.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.sun.net.httpserver.HttpServer;

import io.tenantkit.context.TenantContext;
import io.tenantkit.spring.web.TenantEntryPolicy;
import io.tenantkit.spring.web.TenantResolvers;
import io.tenantkit.spring.web.TenantWebFilter;
import io.tenantkit.tenant.InvalidTenantIdException;
import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantRegistry;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

class TenantTestRequestsTests {

    @Test
    void mockMvcRequestCarriesTheTenantThroughTheFilter() throws Exception {
        TenantWebFilter filter = new TenantWebFilter(TenantRegistry.of(Tenant.builder("jp").build()),
                List.of(TenantResolvers.header("X-Tenant-Id")), TenantEntryPolicy.builder().responseHeader("X-Tenant-Id").build());
        MockMvc mvc = MockMvcBuilders.standaloneSetup(new TenantController()).addFilters(filter).build();

        mvc.perform(get("/tenant").with(TenantTestRequests.tenant("jp")))
                .andExpect(status().isOk()).andExpect(content().string("jp")).andExpect(header().string("X-Tenant-Id", "jp"));
        mvc.perform(get("/tenant")).andExpect(status().isBadRequest());
    }

    @Test
    void mockMvcRequestCanNameTheTenantInARenamedHeader() throws Exception {
        TenantWebFilter filter = new TenantWebFilter(TenantRegistry.of(Tenant.builder("jp").build()),
                List.of(TenantResolvers.header("X-Site")), TenantEntryPolicy.builder().build());
        MockMvc mvc = MockMvcBuilders.standaloneSetup(new TenantController()).addFilters(filter).build();

        mvc.perform(get("/tenant").with(TenantTestRequests.tenant("X-Site", "jp"))).andExpect(content().string("jp"));
    }

    @Test
    void restClientSendsTheTenantHeader() throws IOException {
        HttpServer server = echoing("X-Tenant-Id");
        try {
            String url = "http://localhost:" + server.getAddress().getPort();
            RestClient jp = RestClient.builder().baseUrl(url).apply(TenantTestRequests.restClient("jp")).build();
            RestClient plain = RestClient.builder().baseUrl(url).build();

            assertThat(jp.get().uri("/").retrieve().body(String.class)).isEqualTo("jp");
            assertThat(plain.get().uri("/").headers(TenantTestRequests.headers("de")).retrieve().body(String.class)).isEqualTo("de");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void restClientCanNameTheTenantInARenamedHeader() throws IOException {
        HttpServer server = echoing("X-Site");
        try {
            String url = "http://localhost:" + server.getAddress().getPort();
            RestClient jp = RestClient.builder().baseUrl(url).apply(TenantTestRequests.restClient("X-Site", "jp")).build();
            RestClient plain = RestClient.builder().baseUrl(url).build();

            assertThat(jp.get().uri("/").retrieve().body(String.class)).isEqualTo("jp");
            assertThat(plain.get().uri("/").headers(TenantTestRequests.headers("X-Site", "de")).retrieve().body(String.class))
                    .isEqualTo("de");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void malformedIdFailsWhereItIsWritten() {
        assertThatExceptionOfType(InvalidTenantIdException.class).isThrownBy(() -> TenantTestRequests.tenant("JP"));
        assertThatExceptionOfType(InvalidTenantIdException.class).isThrownBy(() -> TenantTestRequests.restClient("../jp"))
                .withMessageStartingWith("Invalid tenant id \"../jp\"");
        assertThatExceptionOfType(InvalidTenantIdException.class).isThrownBy(() -> TenantTestRequests.headers("X-Site", "J P"))
                .withMessageStartingWith("Invalid tenant id \"J P\"");
    }

    /** A server answering every request with the value of its {@code header}. */
    private static HttpServer echoing(String header) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = String.valueOf(exchange.getRequestHeaders().getFirst(header)).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }

    @RestController
    static class TenantController {
        @GetMapping("/tenant")
        String tenant() {
            return TenantContext.require().id().value();
        }
    }
}
