package dev.tenet.review.change;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** A sorted set of inclusive, 1-based line ranges with overlapping and touching ranges merged. */
public final class LineRanges {
    /** One inclusive range of lines. */
    public record Range(int start, int end) {
        public Range {
            if (start < 1 || end < start) {
                throw new IllegalArgumentException("bad line range " + start + "-" + end);
            }
        }

        public boolean overlaps(int from, int to) {
            return start <= to && from <= end;
        }
    }

    private final List<Range> ranges;

    private LineRanges(List<Range> ranges) {
        this.ranges = ranges;
    }

    /** Merges the given ranges (in any order). */
    public static LineRanges of(List<Range> ranges) {
        List<Range> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparingInt(Range::start));
        List<Range> merged = new ArrayList<>();
        for (Range range : sorted) {
            Range last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && range.start() <= last.end() + 1) {
                merged.set(merged.size() - 1, new Range(last.start(), Math.max(last.end(), range.end())));
            } else {
                merged.add(range);
            }
        }
        return new LineRanges(List.copyOf(merged));
    }

    /** The ranges, in line order. */
    public List<Range> ranges() {
        return ranges;
    }

    /** True when any line of {@code from..to} is in this set. */
    public boolean overlaps(int from, int to) {
        return ranges.stream().anyMatch(r -> r.overlaps(from, to));
    }

    /** The first range that overlaps {@code from..to}. */
    public Optional<Range> firstOverlapping(int from, int to) {
        return ranges.stream().filter(r -> r.overlaps(from, to)).findFirst();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LineRanges that && ranges.equals(that.ranges);
    }

    @Override
    public int hashCode() {
        return ranges.hashCode();
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        for (Range r : ranges) {
            parts.add(r.start() == r.end() ? String.valueOf(r.start()) : r.start() + "-" + r.end());
        }
        return String.join(",", parts);
    }
}
