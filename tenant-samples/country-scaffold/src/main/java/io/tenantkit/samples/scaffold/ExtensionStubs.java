package io.tenantkit.samples.scaffold;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.StringJoiner;

import io.tenantkit.extension.ExtensionHandle;
import io.tenantkit.extension.ExtensionPoint;
import io.tenantkit.samples.marketplace.api.FeePolicy;
import io.tenantkit.samples.marketplace.api.KycPolicy;
import io.tenantkit.samples.marketplace.api.PayoutRouter;
import io.tenantkit.samples.marketplace.api.TaxPolicy;

/**
 * The extension points a new country gets a stub for, and the stubs' source. A stub implements its point by
 * handing every call to the implementation that would answer for the tenant without it (the region's, else
 * the global default), so a new site starts out answering like the defaults.
 */
final class ExtensionStubs {

    /**
     * The marketplace's extension points, in the order the module declares their stubs. A new point of
     * marketplace-api gets stubs in every generated module by being added here; nothing else changes.
     */
    static final List<Class<?>> POINTS = List.of(FeePolicy.class, KycPolicy.class, TaxPolicy.class, PayoutRouter.class);

    private ExtensionStubs() {
    }

    /**
     * Whether the module registers the stub of {@code point} as a bean. Not for an optional point: it may
     * have no implementation behind the stub to delegate to, and a site without one of its own gets none
     * ({@code currentOrNull()} is null) rather than a stub that fails.
     */
    static boolean registered(Class<?> point) {
        return !point.getAnnotation(ExtensionPoint.class).optional();
    }

    /** The stub's simple class name: {@code FrFeePolicy}. */
    static String className(Country country, Class<?> point) {
        return country.classPrefix() + point.getSimpleName();
    }

    /** The bean method name of the stub: {@code frFeePolicy}. */
    static String beanName(Country country, Class<?> point) {
        return ModuleFiles.lowerCamel(className(country, point));
    }

    /** The source of the stub of {@code point} for {@code country}. */
    static String source(Country country, Class<?> point) {
        check(point);
        TypeNames types = new TypeNames();
        String pointName = types.name(point);
        String handle = types.name(ExtensionHandle.class);
        String stub = className(country, point);
        StringBuilder methods = new StringBuilder();
        for (Method method : abstractMethods(point)) {
            methods.append('\n').append(method(types, method));
        }
        String registration = registered(point)
                ? "Registered by {@link " + country.classPrefix() + "SiteModule}."
                : "Not registered yet: {@code " + point.getSimpleName() + "} is\n * optional, so " + country.id()
                        + " gets none until you give this class its own answer and declare it as a {@code @Bean} in\n * {@link "
                        + country.classPrefix() + "SiteModule}.";
        return "package " + country.packageName() + ";\n\n"
                + types.importBlock()
                + "/**\n"
                + " * " + country.id() + "'s " + pointName + ": answers like the defaults (the implementation " + country.id()
                + " would get\n * without this one) until you write its own rules. " + registration + "\n */\n"
                + "final class " + stub + " implements " + pointName + " {\n\n"
                + "    private final " + handle + "<" + pointName + "> chain;\n\n"
                + "    " + stub + "(" + handle + "<" + pointName + "> chain) {\n"
                + "        this.chain = chain;\n"
                + "    }\n"
                + methods
                + "}\n";
    }

    private static void check(Class<?> point) {
        if (!point.isInterface() || !point.isAnnotationPresent(ExtensionPoint.class)) {
            throw new IllegalArgumentException(point.getName() + " is not an @ExtensionPoint interface: list only "
                    + "extension points in ExtensionStubs.POINTS.");
        }
        if (point.getTypeParameters().length > 0) {
            throw new IllegalArgumentException(point.getName() + " is generic: a stub cannot choose its type arguments; "
                    + "leave it out of ExtensionStubs.POINTS and let country modules implement it by hand.");
        }
    }

    private static List<Method> abstractMethods(Class<?> point) {
        return Arrays.stream(point.getMethods())
                .filter(m -> Modifier.isAbstract(m.getModifiers()))
                .sorted(Comparator.comparing(Method::getName).thenComparing(m -> Arrays.toString(m.getParameterTypes())))
                .toList();
    }

    private static String method(TypeNames types, Method method) {
        String returns = types.name(method.getGenericReturnType());
        StringJoiner parameters = new StringJoiner(", ");
        StringJoiner arguments = new StringJoiner(", ");
        Parameter[] declared = method.getParameters();
        for (int i = 0; i < declared.length; i++) {
            Parameter parameter = declared[i];
            String type = types.name(parameter.getParameterizedType());
            if (method.isVarArgs() && i == declared.length - 1) {
                type = type.substring(0, type.length() - 2) + "...";
            }
            parameters.add(type + " " + parameter.getName());
            arguments.add(parameter.getName());
        }
        StringJoiner exceptions = new StringJoiner(", ", " throws ", "").setEmptyValue("");
        Arrays.stream(method.getGenericExceptionTypes()).map(types::name).forEach(exceptions::add);
        String call = "Defaults.after(this, chain)." + method.getName() + "(" + arguments + ");";
        return "    @Override\n"
                + "    public " + types.typeParameters(method.getTypeParameters()) + returns + " " + method.getName()
                + "(" + parameters + ")" + exceptions + " {\n"
                + "        " + (method.getReturnType() == void.class ? "" : "return ") + call + "\n"
                + "    }\n";
    }
}
