package org.civicdesk.request.internal;

import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;

/**
 * A component's configuration annotation over a configuration's properties, read as Declarative Services reads it
 * ({@code name_ro()} is the property {@code name.ro}; an absent one takes the annotation's default): to check a
 * configuration before it is saved, with the code that reads it once saved.
 */
final class ConfigurationView {
    private ConfigurationView() {
    }

    static <T> T of(Class<T> annotation, Map<String, ?> properties) {
        return annotation.cast(Proxy.newProxyInstance(annotation.getClassLoader(), new Class<?>[] {annotation},
                (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class || method.getName().equals("annotationType")) {
                        return switch (method.getName()) {
                            case "annotationType" -> annotation;
                            case "hashCode" -> properties.hashCode();
                            case "equals" -> proxy == args[0];
                            default -> annotation.getSimpleName() + properties;
                        };
                    }
                    return value(method, properties.get(method.getName().replace("_", ".")));
                }));
    }

    private static Object value(Method method, Object given) {
        Class<?> type = method.getReturnType();
        if (given == null) {
            return method.getDefaultValue();
        }
        if (type == String[].class) {
            if (given instanceof String[]) {
                return given;
            }
            if (given.getClass().isArray()) {
                String[] values = new String[Array.getLength(given)];
                for (int i = 0; i < values.length; i++) {
                    values[i] = String.valueOf(Array.get(given, i));
                }
                return values;
            }
            return new String[] {given.toString()};
        }
        String text = given.toString().strip();
        try {
            if (type == int.class) {
                return Integer.parseInt(text);
            }
            if (type == long.class) {
                return Long.parseLong(text);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(method.getName().replace("_", ".") + " must be a whole number", e);
        }
        if (type == boolean.class) {
            return Boolean.parseBoolean(text);
        }
        return given.toString();
    }
}
