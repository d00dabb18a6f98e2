package io.hubkit.core.protocol;

import java.util.List;

/**
 * The vector cases that do not run, each named with the reason. Everything else in the vectors
 * file runs. {@link VectorCoverageTest} checks that every name here exists in the vectors file.
 */
final class VectorSkips {

    /** Which part of an entry is skipped. */
    enum Part { WRITE, PARSE, ALL }

    record Skip(String section, String name, Part part, String reason) {
    }

    private static final String FLOAT_FORMAT = "System.Text.Json writes the float 2.0f as '2'; Jackson writes '2.0', as "
            + "Newtonsoft.Json does (the Newtonsoft variant of this entry runs and passes). Clients read both as the same number. "
            + "The parse direction of this entry runs.";
    private static final String NEWTONSOFT_TEXT = "Error text of the Newtonsoft.Json protocol; HubKit reports the "
            + "System.Text.Json protocol's text for the same input, which its SystemTextJson variant checks.";

    static final List<Skip> SKIPS = List.of(
            new Skip("json", "SystemTextJson.InvocationMessage_HasFloatArgument", Part.WRITE, FLOAT_FORMAT),
            new Skip("json", "SystemTextJson.InvocationMessage_HasHeaders", Part.WRITE, FLOAT_FORMAT),
            new Skip("json", "SystemTextJson.StreamItemMessage_HasFloatItem", Part.WRITE, FLOAT_FORMAT),
            new Skip("json", "SystemTextJson.CompletionMessage_HasFloatResult", Part.WRITE, FLOAT_FORMAT),
            new Skip("json", "SystemTextJson.StreamInvocationMessage_HasFloatArgument", Part.WRITE, FLOAT_FORMAT),
            new Skip("json_invalid", "Newtonsoft.CustomInvalidMessages_01", Part.ALL, NEWTONSOFT_TEXT),
            new Skip("json_invalid", "Newtonsoft.CustomInvalidMessages_02", Part.ALL, NEWTONSOFT_TEXT),
            new Skip("json_invalid", "Newtonsoft.CustomInvalidMessages_03", Part.ALL, NEWTONSOFT_TEXT),
            new Skip("json_invalid", "Newtonsoft.CustomInvalidMessages_04", Part.ALL, NEWTONSOFT_TEXT),
            new Skip("json_invalid", "Union.UnionAsInvocationArgument_TokenNotMatchingAnyCase_ProducesBindingFailure", Part.ALL,
                    "Java has no union types: the Java analog of the union 'int | string' is an Object parameter, which "
                            + "accepts 'true', so there is no binding failure to expect."));

    private VectorSkips() {
    }

    /** The reason {@code part} of the entry is skipped, or {@code null} when it runs. */
    static String reason(String section, String name, Part part) {
        for (Skip skip : SKIPS) {
            if (skip.section().equals(section) && skip.name().equals(name) && (skip.part() == Part.ALL || skip.part() == part)) {
                return skip.reason();
            }
        }
        return null;
    }
}
