package io.tenantkit.spring.extension.twomodules;

import io.tenantkit.spring.extension.TenantModule;

import org.springframework.context.annotation.Configuration;

/** Shares its package with {@link JpInSharedPackage}: rejected. */
@Configuration(proxyBeanMethods = false)
@TenantModule("kr")
public class KrInSharedPackage {
}
