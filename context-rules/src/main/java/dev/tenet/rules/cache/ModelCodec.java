package dev.tenet.rules.cache;

import dev.tenet.rules.model.AnnotationRef;
import dev.tenet.rules.model.Branch;
import dev.tenet.rules.model.CallRef;
import dev.tenet.rules.model.Effect;
import dev.tenet.rules.model.EffectRef;
import dev.tenet.rules.model.Fact;
import dev.tenet.rules.model.FileModel;
import dev.tenet.rules.model.Hit;
import dev.tenet.rules.model.ImportRef;
import dev.tenet.rules.model.MethodModel;
import dev.tenet.rules.model.Step;
import dev.tenet.rules.model.Suppression;
import dev.tenet.rules.model.TypeModel;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A compact binary form of {@link FileModel} for the scan cache. A warm re-check loads one model
 * per file of the tree; a reflective JSON/Smile mapper spent more than a second doing that for
 * 3,000 files in a cold JVM, this straight-line codec a fraction of it. The cache key includes the
 * build, so the format needs no versioning of its own.
 */
final class ModelCodec {
    private ModelCodec() {
    }

    static void write(DataOutputStream out, FileModel model) throws IOException {
        out.writeUTF(model.path());
        out.writeUTF(model.packageName());
        writeList(out, model.imports(), (o, i) -> {
            o.writeUTF(i.name());
            o.writeBoolean(i.isStatic());
            o.writeBoolean(i.asterisk());
            o.writeInt(i.line());
        });
        writeList(out, model.types(), ModelCodec::writeType);
        writeList(out, model.suppressions(), (o, s) -> {
            o.writeUTF(s.ruleId());
            o.writeInt(s.startLine());
            o.writeInt(s.endLine());
            o.writeInt(s.line());
        });
        writeList(out, model.hits(), (o, h) -> {
            o.writeUTF(h.checkId());
            o.writeUTF(h.file());
            o.writeInt(h.startLine());
            o.writeInt(h.endLine());
            writeString(o, h.message());
            writeString(o, h.fixHint());
            writeString(o, h.anchor());
            o.writeInt(h.column());
            writeList(o, h.path(), ModelCodec::writeStep);
            writeList(o, h.related(), ModelCodec::writeStep);
        });
        writeList(out, model.facts(), (o, f) -> {
            o.writeUTF(f.checkId());
            o.writeUTF(f.kind());
            writeString(o, f.subject());
            writeString(o, f.detail());
            writeString(o, f.owner());
            o.writeInt(f.line());
        });
        writeString(out, model.parseError());
        out.writeInt(model.parseErrorLine());
        out.writeInt(model.calls());
        out.writeInt(model.unresolvedCalls());
    }

    static FileModel read(DataInputStream in) throws IOException {
        String path = in.readUTF();
        String packageName = in.readUTF();
        List<ImportRef> imports = readList(in, i -> new ImportRef(i.readUTF(), i.readBoolean(), i.readBoolean(), i.readInt()));
        List<TypeModel> types = readList(in, ModelCodec::readType);
        List<Suppression> suppressions = readList(in, i -> new Suppression(i.readUTF(), i.readInt(), i.readInt(), i.readInt()));
        List<Hit> hits = readList(in, i -> new Hit(i.readUTF(), i.readUTF(), i.readInt(), i.readInt(), readString(i),
                readString(i), readString(i), i.readInt(), readList(i, ModelCodec::readStep), readList(i, ModelCodec::readStep)));
        List<Fact> facts = readList(in, i -> new Fact(i.readUTF(), i.readUTF(), readString(i), readString(i), readString(i), i.readInt()));
        String parseError = readString(in);
        int parseErrorLine = in.readInt();
        return new FileModel(path, packageName, imports, types, suppressions, hits, facts, parseError, parseErrorLine,
                in.readInt(), in.readInt());
    }

    private static void writeStep(DataOutputStream out, Step step) throws IOException {
        writeString(out, step.file());
        out.writeInt(step.line());
        out.writeInt(step.column());
        writeString(out, step.label());
    }

    private static Step readStep(DataInputStream in) throws IOException {
        return new Step(readString(in), in.readInt(), in.readInt(), readString(in));
    }

    private static void writeType(DataOutputStream out, TypeModel type) throws IOException {
        out.writeUTF(type.fqn());
        out.writeUTF(type.simpleName());
        out.writeUTF(type.kind());
        writeList(out, type.annotations(), ModelCodec::writeAnnotation);
        writeList(out, type.supertypes(), DataOutputStream::writeUTF);
        writeMap(out, type.fields());
        writeList(out, type.methods(), ModelCodec::writeMethod);
        out.writeInt(type.startLine());
        out.writeInt(type.endLine());
        out.writeBoolean(type.generatedId());
    }

    private static TypeModel readType(DataInputStream in) throws IOException {
        return new TypeModel(in.readUTF(), in.readUTF(), in.readUTF(), readList(in, ModelCodec::readAnnotation),
                readList(in, i -> i.readUTF()), readMap(in), readList(in, ModelCodec::readMethod), in.readInt(), in.readInt(),
                in.readBoolean());
    }

    private static void writeMethod(DataOutputStream out, MethodModel method) throws IOException {
        out.writeUTF(method.name());
        writeList(out, method.parameterTypes(), DataOutputStream::writeUTF);
        writeString(out, method.returnType());
        writeList(out, method.annotations(), ModelCodec::writeAnnotation);
        out.writeInt(method.startLine());
        out.writeInt(method.endLine());
        writeList(out, method.calls(), (o, c) -> {
            writeString(o, c.receiverType());
            writeString(o, c.receiverText());
            o.writeUTF(c.method());
            o.writeInt(c.argCount());
            o.writeInt(c.line());
            o.writeInt(c.column());
            o.writeBoolean(c.decidesExit());
            writeString(o, c.createdArgument());
        });
        writeList(out, method.effects(), (o, e) -> {
            o.writeByte(e.effect().ordinal());
            o.writeInt(e.line());
            o.writeInt(e.column());
            writeString(o, e.detail());
        });
        writeList(out, method.branches(), (o, b) -> {
            o.writeInt(b.thenStart());
            o.writeInt(b.thenEnd());
            o.writeBoolean(b.thenExits());
            o.writeInt(b.elseStart());
            o.writeInt(b.elseEnd());
            o.writeBoolean(b.elseExits());
            o.writeInt(b.end());
            o.writeInt(b.blockEnd());
        });
    }

    private static MethodModel readMethod(DataInputStream in) throws IOException {
        Effect[] effects = Effect.values();
        return new MethodModel(in.readUTF(), readList(in, i -> i.readUTF()), readString(in),
                readList(in, ModelCodec::readAnnotation), in.readInt(), in.readInt(),
                readList(in, i -> new CallRef(readString(i), readString(i), i.readUTF(), i.readInt(), i.readInt(), i.readInt(), i.readBoolean(), readString(i))),
                readList(in, i -> new EffectRef(effects[i.readByte()], i.readInt(), i.readInt(), readString(i))),
                readList(in, i -> new Branch(i.readInt(), i.readInt(), i.readBoolean(), i.readInt(), i.readInt(), i.readBoolean(),
                        i.readInt(), i.readInt())));
    }

    private static void writeAnnotation(DataOutputStream out, AnnotationRef annotation) throws IOException {
        out.writeUTF(annotation.name());
        writeMap(out, annotation.attributes());
        out.writeInt(annotation.line());
    }

    private static AnnotationRef readAnnotation(DataInputStream in) throws IOException {
        return new AnnotationRef(in.readUTF(), readMap(in), in.readInt());
    }

    private static void writeMap(DataOutputStream out, Map<String, String> map) throws IOException {
        out.writeInt(map.size());
        for (Map.Entry<String, String> entry : map.entrySet()) {
            out.writeUTF(entry.getKey());
            writeString(out, entry.getValue());
        }
    }

    private static Map<String, String> readMap(DataInputStream in) throws IOException {
        int size = in.readInt();
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            map.put(in.readUTF(), readString(in));
        }
        return map;
    }

    /** A string that may be {@code null} or longer than {@code writeUTF} allows. */
    private static void writeString(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        return new String(in.readNBytes(length), java.nio.charset.StandardCharsets.UTF_8);
    }

    private interface Writer<T> {
        void write(DataOutputStream out, T value) throws IOException;
    }

    private interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    private static <T> void writeList(DataOutputStream out, List<T> list, Writer<T> writer) throws IOException {
        out.writeInt(list.size());
        for (T item : list) {
            writer.write(out, item);
        }
    }

    private static <T> List<T> readList(DataInputStream in, Reader<T> reader) throws IOException {
        int size = in.readInt();
        if (size < 0 || size > 1_000_000) {
            throw new IOException("corrupt cache entry: list of " + size);
        }
        List<T> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            list.add(reader.read(in));
        }
        return list;
    }
}
