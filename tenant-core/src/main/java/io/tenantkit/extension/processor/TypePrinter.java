package io.tenantkit.extension.processor;

import java.util.stream.Collectors;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.WildcardType;

/**
 * Prints a type as Java source, with type-use annotations where the language wants them
 * ({@code java.lang.@Nullable String}, {@code String @Nullable []}); {@code TypeMirror.toString()}
 * puts them before the qualified name, which does not compile.
 */
final class TypePrinter {

    private TypePrinter() {
    }

    static String print(TypeMirror type) {
        String annotations = annotations(type);
        switch (type.getKind()) {
            case DECLARED:
                return declared((DeclaredType) type, annotations);
            case ARRAY:
                ArrayType array = (ArrayType) type;
                return print(array.getComponentType()) + (annotations.isEmpty() ? "" : " " + annotations) + "[]";
            case TYPEVAR:
                return annotations + ((TypeVariable) type).asElement().getSimpleName();
            case WILDCARD:
                WildcardType wildcard = (WildcardType) type;
                if (wildcard.getExtendsBound() != null) {
                    return annotations + "? extends " + print(wildcard.getExtendsBound());
                }
                if (wildcard.getSuperBound() != null) {
                    return annotations + "? super " + print(wildcard.getSuperBound());
                }
                return annotations + "?";
            default:
                if (type.getKind().isPrimitive() || type.getKind() == TypeKind.VOID) {
                    return annotations + type.getKind().name().toLowerCase(java.util.Locale.ROOT);
                }
                return type.toString();
        }
    }

    private static String declared(DeclaredType type, String annotations) {
        TypeElement element = (TypeElement) type.asElement();
        StringBuilder out = new StringBuilder();
        TypeMirror enclosingType = type.getEnclosingType();
        if (enclosingType.getKind() == TypeKind.DECLARED) {
            out.append(print(enclosingType)).append('.');
        } else {
            Element enclosing = element.getEnclosingElement();
            String prefix = enclosing instanceof TypeElement t ? t.getQualifiedName().toString()
                    : enclosing.toString();
            if (!prefix.isEmpty() && !prefix.equals("unnamed package")) {
                out.append(prefix).append('.');
            }
        }
        out.append(annotations).append(element.getSimpleName());
        if (!type.getTypeArguments().isEmpty()) {
            out.append(type.getTypeArguments().stream().map(TypePrinter::print).collect(Collectors.joining(", ", "<", ">")));
        }
        return out.toString();
    }

    private static String annotations(TypeMirror type) {
        StringBuilder out = new StringBuilder();
        for (AnnotationMirror a : type.getAnnotationMirrors()) {
            out.append(a).append(' ');
        }
        return out.toString();
    }
}
