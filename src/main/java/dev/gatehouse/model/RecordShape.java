package dev.gatehouse.model;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;

/**
 * A record class's components (names, types, accessors) and its canonical constructor, looked up once per
 * class. The changelog and the export file both write records field by field and read them back; asking the
 * class for its components on every record was most of what writing a large import's changelog cost.
 */
public final class RecordShape {
    private static final ClassValue<RecordShape> SHAPES = new ClassValue<>() {
        @Override
        protected RecordShape computeValue(Class<?> type) {
            return new RecordShape(type);
        }
    };

    private final String[] names;
    private final Class<?>[] types;
    private final Method[] accessors;
    private final Constructor<?> constructor;

    private RecordShape(Class<?> type) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type + " is not a record");
        }
        RecordComponent[] rcs = type.getRecordComponents();
        names = new String[rcs.length];
        types = new Class<?>[rcs.length];
        accessors = new Method[rcs.length];
        for (int i = 0; i < rcs.length; i++) {
            names[i] = rcs[i].getName();
            types[i] = rcs[i].getType();
            accessors[i] = rcs[i].getAccessor();
            // A record of a format (a line of the export file) may be package-private in its own package.
            accessors[i].trySetAccessible();
        }
        try {
            constructor = type.getDeclaredConstructor(types);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("no canonical constructor of " + type, e);
        }
        constructor.trySetAccessible();
    }

    /** The shape of a record class. */
    public static RecordShape of(Class<?> type) {
        return SHAPES.get(type);
    }

    /** How many components the record has. */
    public int size() {
        return names.length;
    }

    public String name(int i) {
        return names[i];
    }

    /** The place of the component named {@code name}, or -1 when the record has none of that name. */
    public int indexOf(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    public Class<?> type(int i) {
        return types[i];
    }

    /** Component {@code i} of {@code r}, which must be of this shape's class. */
    public Object get(Record r, int i) {
        try {
            return accessors[i].invoke(r);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + accessors[i], e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + accessors[i], e.getCause());
        }
    }

    /**
     * A new record of the components {@code args}, in order. A constructor that refuses them throws its own
     * exception (an {@link IllegalArgumentException} or {@link NullPointerException} naming what is wrong).
     */
    public Object make(Object[] args) {
        try {
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("cannot make " + constructor.getDeclaringClass(), e.getCause());
        } catch (InstantiationException | IllegalAccessException e) {
            throw new IllegalStateException("cannot make " + constructor.getDeclaringClass(), e);
        }
    }
}
