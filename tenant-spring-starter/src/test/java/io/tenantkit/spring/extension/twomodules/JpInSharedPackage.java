package io.tenantkit.spring.extension.twomodules;

import io.tenantkit.spring.extension.TenantModule;

import org.springframework.context.annotation.Configuration;

/** Shares its package with {@link KrInSharedPackage}: rejected. */
@Configuration(proxyBeanMethods = false)
@TenantModule("jp")
public class JpInSharedPackage {
}
