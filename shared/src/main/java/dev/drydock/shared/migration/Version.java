package dev.drydock.shared.migration;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A migration version as the runners compare them: the numbers in it, compared one by one, with trailing
 * zeros ignored. Flyway's {@code 1_5_2} is {@code 1.5.2}, {@code 5.0_2014.01.01} is {@code 5.0.2014.1.1},
 * {@code 1.0} equals {@code 1}; diesel's {@code 2017-08-31-210424} is the number {@code 20170831210424}.
 */
public record Version(String text, List<BigInteger> parts) implements Comparable<Version> {

    private static final Pattern NUMBER = Pattern.compile("\\d+");

    public Version {
        parts = List.copyOf(parts);
    }

    /** Every run of digits in {@code text} is one part ({@code 1_5_2}, {@code 0.26/03}). */
    public static Version parse(String text) {
        List<BigInteger> numbers = new ArrayList<>();
        Matcher matcher = NUMBER.matcher(text);
        while (matcher.find()) {
            numbers.add(new BigInteger(matcher.group()));
        }
        return new Version(text, numbers);
    }

    /** One number made of all the digits in {@code text} (diesel's dashed timestamps). */
    public static Version ofDigits(String text) {
        String digits = text.replaceAll("\\D", "");
        return new Version(text, List.of(new BigInteger(digits.isEmpty() ? "0" : digits)));
    }

    /** The canonical dotted form, the way Flyway prints a version: {@code 1.5.2}. */
    public String canonical() {
        int size = parts.size();
        while (size > 1 && parts.get(size - 1).signum() == 0) {
            size--;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < size; i++) {
            if (i > 0) {
                out.append('.');
            }
            out.append(parts.get(i));
        }
        return out.toString();
    }

    @Override
    public int compareTo(Version other) {
        int length = Math.max(parts.size(), other.parts.size());
        for (int i = 0; i < length; i++) {
            BigInteger a = i < parts.size() ? parts.get(i) : BigInteger.ZERO;
            BigInteger b = i < other.parts.size() ? other.parts.get(i) : BigInteger.ZERO;
            int order = a.compareTo(b);
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    @Override
    public String toString() {
        return text;
    }
}
