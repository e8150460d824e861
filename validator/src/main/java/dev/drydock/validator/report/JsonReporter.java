package dev.drydock.validator.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.drydock.validator.ToolVersion;
import dev.drydock.validator.rules.Finding;
import dev.drydock.validator.rules.Severity;

import java.io.IOException;
import java.io.Writer;

/** The JSON report of DESIGN.md. */
public record JsonReporter() implements Reporter {

    @Override
    public void write(Report report, Writer out) throws IOException {
        try (JsonGenerator json = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).createGenerator(out).useDefaultPrettyPrinter()) {
            json.writeStartObject();
            json.writeObjectFieldStart("tool");
            json.writeStringField("name", ToolVersion.NAME);
            json.writeStringField("version", ToolVersion.version());
            json.writeEndObject();
            json.writeNumberField("files", report.files());
            json.writeNumberField("statements", report.statements());
            json.writeArrayFieldStart("findings");
            for (Finding finding : report.findings()) {
                json.writeStartObject();
                json.writeStringField("rule", finding.rule());
                json.writeStringField("severity", finding.severity().id());
                json.writeStringField("file", finding.file());
                json.writeNumberField("line", finding.start().line());
                json.writeNumberField("column", finding.start().column());
                json.writeNumberField("endLine", finding.end().line());
                json.writeNumberField("endColumn", finding.end().column());
                if (finding.dialect() != null) {
                    json.writeStringField("dialect", finding.dialect());
                }
                json.writeStringField("message", finding.message());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeObjectFieldStart("summary");
            json.writeNumberField("errors", report.count(Severity.ERROR));
            json.writeNumberField("warnings", report.count(Severity.WARNING));
            json.writeNumberField("infos", report.count(Severity.INFO));
            json.writeEndObject();
            json.writeEndObject();
        }
        out.write(System.lineSeparator());
        out.flush();
    }
}
