package dev.groundup.routing;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/** The application's JSON mapper: made once by the wiring and passed to whoever needs it. */
public final class Json {
    /**
     * Tokens one body may hold: bounds the tree {@code readTree} builds, which the body budget
     * does not count (a megabyte of {@code [{},{},…]} would otherwise be some 30 MB of nodes).
     * A todo takes a dozen.
     */
    static final long MAX_TOKENS = 10_000;
    static final int MAX_NESTING = 100;

    private Json() {
    }

    /**
     * Strict where leniency would hide a client's mistake — no {@code "true"} for a boolean, no
     * {@code 1.5} truncated to an int, no number turned into a string, nothing after the value —
     * and lenient where APIs usually are: unknown fields are ignored.
     */
    public static JsonMapper newMapper() {
        return JsonMapper.builder(JsonFactory.builder()
                        .streamReadConstraints(StreamReadConstraints.builder()
                                .maxTokenCount(MAX_TOKENS).maxNestingDepth(MAX_NESTING).build())
                        .build())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .withCoercionConfig(LogicalType.Textual, text -> text
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .build();
    }
}
