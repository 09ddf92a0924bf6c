package io.tenantkit.isolation;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.Source;

/**
 * What ArchUnit's class model leaves out and rules 5 and 6 need: per method, the string constants it
 * loads ({@code ldc}) and the methods it invokes. Read from the class file ArchUnit imported
 * ({@link JavaClass#getSource()}), by a minimal class-file walker (constant pool, methods, Code
 * attributes; JVMS chapter 4), so that no byte-code library is needed beside ArchUnit.
 */
final class Bytecode {

    /** One method of a class file: its name, the strings it loads and the methods it calls ({@code owner#name}). */
    record Method(String name, String descriptor, Set<String> strings, Set<String> invoked) {

        /** The method a lambda body belongs to ({@code lambda$fee$0} is in {@code fee}). */
        String sourceName() {
            if (name.startsWith("lambda$")) {
                int end = name.indexOf('$', 7);
                return end > 7 ? name.substring(7, end) : name;
            }
            return name;
        }
    }

    private Bytecode() {
    }

    /** The methods of {@code javaClass}'s class file; empty when ArchUnit imported it without a source. */
    static List<Method> methodsOf(JavaClass javaClass) {
        Source source = javaClass.getSource().orElse(null);
        if (source == null) {
            return List.of();
        }
        return parse(read(source.getUri()));
    }

    private static byte[] read(URI uri) {
        try (InputStream in = uri.toURL().openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read class file " + uri + " for the TenantKit isolation rules", e);
        }
    }

    static List<Method> parse(byte[] classFile) {
        try {
            return new Reader(classFile).methods();
        } catch (IOException e) {
            throw new UncheckedIOException("Malformed class file", e);
        }
    }

    private static final class Reader {

        private final DataInputStream in;
        private Object[] pool = new Object[0];

        Reader(byte[] bytes) {
            this.in = new DataInputStream(new ByteArrayInputStream(bytes));
        }

        List<Method> methods() throws IOException {
            in.skipNBytes(8);                                   // magic, minor, major
            readPool();
            in.skipNBytes(6);                                   // access, this, super
            in.skipNBytes(2L * in.readUnsignedShort());         // interfaces
            int fields = in.readUnsignedShort();
            for (int i = 0; i < fields; i++) {
                in.skipNBytes(6);
                skipAttributes();
            }
            int count = in.readUnsignedShort();
            List<Method> methods = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                in.skipNBytes(2);
                String name = utf8(in.readUnsignedShort());
                String descriptor = utf8(in.readUnsignedShort());
                Set<String> strings = new LinkedHashSet<>();
                Set<String> invoked = new LinkedHashSet<>();
                int attributes = in.readUnsignedShort();
                for (int a = 0; a < attributes; a++) {
                    String attribute = utf8(in.readUnsignedShort());
                    int length = in.readInt();
                    if (attribute.equals("Code")) {
                        byte[] body = in.readNBytes(length);
                        scanCode(body, strings, invoked);
                    } else {
                        in.skipNBytes(length);
                    }
                }
                methods.add(new Method(name, descriptor, Set.copyOf(strings), Set.copyOf(invoked)));
            }
            return methods;
        }

        private void skipAttributes() throws IOException {
            int attributes = in.readUnsignedShort();
            for (int a = 0; a < attributes; a++) {
                in.skipNBytes(2);
                in.skipNBytes(in.readInt() & 0xFFFFFFFFL);
            }
        }

        /** Constant pool entries: String for Utf8, int[]{tag, a, b} for references. */
        private void readPool() throws IOException {
            int count = in.readUnsignedShort();
            pool = new Object[count];
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> pool[i] = in.readUTF();
                    case 7, 8, 16, 19, 20 -> pool[i] = new int[] {tag, in.readUnsignedShort(), 0};
                    case 9, 10, 11, 12 -> pool[i] = new int[] {tag, in.readUnsignedShort(), in.readUnsignedShort()};
                    case 3, 4, 17, 18 -> in.skipNBytes(4);
                    case 5, 6 -> {
                        in.skipNBytes(8);
                        i++;                                     // longs and doubles take two slots
                    }
                    case 15 -> in.skipNBytes(3);
                    default -> throw new IOException("Unknown constant pool tag " + tag);
                }
            }
        }

        private String utf8(int index) {
            return (String) pool[index];
        }

        private int[] ref(int index) {
            return (int[]) pool[index];
        }

        private void scanCode(byte[] body, Set<String> strings, Set<String> invoked) {
            int length = ((body[4] & 0xFF) << 24) | ((body[5] & 0xFF) << 16) | ((body[6] & 0xFF) << 8) | (body[7] & 0xFF);
            int start = 8;
            int pc = 0;
            while (pc < length) {
                int op = body[start + pc] & 0xFF;
                switch (op) {
                    case 0x12 -> constant(body[start + pc + 1] & 0xFF, strings);                  // ldc
                    case 0x13 -> constant(u2(body, start + pc + 1), strings);                      // ldc_w
                    case 0xb6, 0xb7, 0xb8, 0xb9 -> invoked.add(member(u2(body, start + pc + 1))); // invoke*
                    default -> {
                    }
                }
                pc += length(body, start, pc, op);
            }
        }

        private void constant(int index, Set<String> strings) {
            if (pool[index] instanceof int[] entry && entry[0] == 8) {
                strings.add(utf8(entry[1]));
            }
        }

        private String member(int index) {
            int[] memberRef = ref(index);
            String owner = utf8(ref(memberRef[1])[1]).replace('/', '.');
            String name = utf8(ref(memberRef[2])[1]);
            return owner + "#" + name;
        }

        private static int u2(byte[] b, int at) {
            return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
        }

        private static int s4(byte[] b, int at) {
            return ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
        }

        /** The length of the instruction at {@code pc} (JVMS 6.5). */
        private static int length(byte[] body, int start, int pc, int op) {
            if (op == 0xaa || op == 0xab) {                     // tableswitch, lookupswitch
                int at = pc + 1 + ((4 - (pc + 1) % 4) % 4);
                if (op == 0xaa) {
                    int low = s4(body, start + at + 4);
                    int high = s4(body, start + at + 8);
                    return at - pc + 12 + 4 * (high - low + 1);
                }
                return at - pc + 8 + 8 * s4(body, start + at + 4);
            }
            if (op == 0xc4) {                                   // wide
                return (body[start + pc + 1] & 0xFF) == 0x84 ? 6 : 4;
            }
            return LENGTHS[op];
        }

        private static final int[] LENGTHS = new int[256];

        static {
            java.util.Arrays.fill(LENGTHS, 1);
            for (int op : new int[] {0x10, 0x12, 0xa9, 0xbc}) {
                LENGTHS[op] = 2;
            }
            for (int op = 0x15; op <= 0x19; op++) {
                LENGTHS[op] = 2;
            }
            for (int op = 0x36; op <= 0x3a; op++) {
                LENGTHS[op] = 2;
            }
            for (int op : new int[] {0x11, 0x13, 0x14, 0x84, 0xbb, 0xbd, 0xc0, 0xc1, 0xc6, 0xc7}) {
                LENGTHS[op] = 3;
            }
            for (int op = 0x99; op <= 0xa8; op++) {
                LENGTHS[op] = 3;
            }
            for (int op = 0xb2; op <= 0xb8; op++) {
                LENGTHS[op] = 3;
            }
            LENGTHS[0xc5] = 4;
            for (int op : new int[] {0xb9, 0xba, 0xc8, 0xc9}) {
                LENGTHS[op] = 5;
            }
        }
    }
}
