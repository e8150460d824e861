package dev.drydock.validator.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.drydock.validator.ToolVersion;
import dev.drydock.validator.rules.Finding;
import dev.drydock.validator.rules.Rule;
import dev.drydock.validator.rules.RuleCatalog;
import dev.drydock.validator.rules.Severity;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/** SARIF 2.1.0, with every rule of the catalogue in {@code tool.driver.rules}, as code-scanning services read it. */
public record SarifReporter() implements Reporter {

    private static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    @Override
    public void write(Report report, Writer out) throws IOException {
        List<Rule> rules = RuleCatalog.all();
        try (JsonGenerator json = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).createGenerator(out).useDefaultPrettyPrinter()) {
            json.writeStartObject();
            json.writeStringField("$schema", SCHEMA);
            json.writeStringField("version", "2.1.0");
            json.writeArrayFieldStart("runs");
            json.writeStartObject();
            json.writeObjectFieldStart("tool");
            json.writeObjectFieldStart("driver");
            json.writeStringField("name", ToolVersion.NAME);
            json.writeStringField("version", ToolVersion.version());
            json.writeStringField("informationUri", "https://drydock.dev/docs/rules");
            json.writeArrayFieldStart("rules");
            for (Rule rule : rules) {
                writeRule(json, rule);
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndObject();
            json.writeArrayFieldStart("results");
            for (Finding finding : report.findings()) {
                writeResult(json, finding, indexOf(rules, finding.rule()));
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
        }
        out.write(System.lineSeparator());
        out.flush();
    }

    private static void writeRule(JsonGenerator json, Rule rule) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", rule.id());
        json.writeObjectFieldStart("shortDescription");
        json.writeStringField("text", rule.summary());
        json.writeEndObject();
        json.writeObjectFieldStart("fullDescription");
        json.writeStringField("text", rule.help());
        json.writeEndObject();
        json.writeObjectFieldStart("help");
        json.writeStringField("text", rule.help());
        json.writeEndObject();
        json.writeObjectFieldStart("defaultConfiguration");
        json.writeStringField("level", level(rule.defaultSeverity()));
        json.writeEndObject();
        json.writeObjectFieldStart("properties");
        json.writeArrayFieldStart("tags");
        json.writeString(rule.category());
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void writeResult(JsonGenerator json, Finding finding, int ruleIndex) throws IOException {
        json.writeStartObject();
        json.writeStringField("ruleId", finding.rule());
        if (ruleIndex >= 0) {
            json.writeNumberField("ruleIndex", ruleIndex);
        }
        json.writeStringField("level", level(finding.severity()));
        json.writeObjectFieldStart("message");
        json.writeStringField("text", finding.message());
        json.writeEndObject();
        json.writeArrayFieldStart("locations");
        json.writeStartObject();
        json.writeObjectFieldStart("physicalLocation");
        json.writeObjectFieldStart("artifactLocation");
        json.writeStringField("uri", uri(finding.file()));
        json.writeEndObject();
        json.writeObjectFieldStart("region");
        json.writeNumberField("startLine", finding.start().line());
        json.writeNumberField("startColumn", finding.start().column());
        json.writeNumberField("endLine", finding.end().line());
        json.writeNumberField("endColumn", Math.max(finding.end().column(), 1));
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndArray();
        if (finding.dialect() != null) {
            json.writeObjectFieldStart("properties");
            json.writeStringField("dialect", finding.dialect());
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    /** SARIF wants URI references: a relative path with spaces percent-encoded, an absolute one as file:. */
    static String uri(String file) {
        Path path = Path.of(file);
        if (path.isAbsolute()) {
            return path.toUri().toASCIIString();
        }
        try {
            return new URI(null, null, file, null).toASCIIString();
        } catch (URISyntaxException e) {
            return file.replace(" ", "%20");
        }
    }

    private static int indexOf(List<Rule> rules, String id) {
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private static String level(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }
}
