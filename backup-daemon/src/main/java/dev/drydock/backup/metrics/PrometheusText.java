package dev.drydock.backup.metrics;

/**
 * Writes Prometheus' text exposition format (0.0.4): a HELP and a TYPE line per family, then its samples labelled
 * by environment. Written here rather than through an exporter library so that counters are typed as counters and
 * the help is written for the people reading a dashboard.
 */
final class PrometheusText {

    private final StringBuilder text = new StringBuilder();

    void family(String name, String type, String help) {
        text.append("# HELP ").append(name).append(' ').append(help.replace("\\", "\\\\").replace("\n", "\\n")).append('\n');
        text.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    void sample(String name, String environment, double value) {
        text.append(name).append("{environment=\"").append(label(environment)).append("\"} ").append(number(value))
                .append('\n');
    }

    void sample(String name, String environment, String label, double labelValue, double value) {
        text.append(name).append("{environment=\"").append(label(environment)).append("\",").append(label).append("=\"")
                .append(number(labelValue)).append("\"} ").append(number(value)).append('\n');
    }

    private static String label(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private static String number(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
