package dev.drydock.validator.report;

import dev.drydock.validator.rules.Finding;
import dev.drydock.validator.rules.Severity;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * JUnit XML for CI servers that chart test results: one test case per finding, failed when the finding is an
 * error, and one passing case when nothing was found.
 */
public record JunitReporter() implements Reporter {

    @Override
    public void write(Report report, Writer out) throws IOException {
        long failures = report.count(Severity.ERROR);
        int tests = Math.max(1, report.findings().size());
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("testsuites");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", "drydock-validator");
            xml.writeAttribute("tests", Integer.toString(tests));
            xml.writeAttribute("failures", Long.toString(failures));
            xml.writeAttribute("errors", "0");
            xml.writeAttribute("skipped", "0");
            if (report.findings().isEmpty()) {
                xml.writeEmptyElement("testcase");
                xml.writeAttribute("classname", "drydock-validator");
                xml.writeAttribute("name", report.files() + " files, " + report.statements() + " statements");
            }
            for (Finding finding : report.findings()) {
                xml.writeStartElement("testcase");
                xml.writeAttribute("classname", ControlCharacters.visible(finding.file()));
                xml.writeAttribute("name", finding.rule() + " at " + finding.start().line() + ":" + finding.start().column());
                if (finding.severity() == Severity.ERROR) {
                    xml.writeStartElement("failure");
                    xml.writeAttribute("type", finding.rule());
                    xml.writeAttribute("message", ControlCharacters.visible(finding.message()));
                    xml.writeCharacters(ControlCharacters.visible(finding.file()) + ":" + finding.start().line() + ":" + finding.start().column()
                            + " " + ControlCharacters.visible(finding.message()));
                    xml.writeEndElement();
                } else {
                    xml.writeStartElement("system-out");
                    xml.writeCharacters(finding.severity().id() + ": " + ControlCharacters.visible(finding.message()));
                    xml.writeEndElement();
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write the JUnit report: " + e.getMessage(), e);
        }
        out.write("\n");
        out.flush();
    }
}
