package ai.altllm.gateway.metrics;

import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/** A fixed-bucket histogram: one adder per bucket, made cumulative only when scraped. */
final class Histogram {

    private final Buckets buckets;
    private final LongAdder[] counts;
    private final DoubleAdder sum = new DoubleAdder();

    Histogram(Buckets buckets) {
        this.buckets = buckets;
        this.counts = new LongAdder[buckets.bounds().length + 1];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = new LongAdder();
        }
    }

    void observe(double value) {
        double[] bounds = buckets.bounds();
        int i = 0;
        while (i < bounds.length && value > bounds[i]) {
            i++;
        }
        counts[i].increment();
        sum.add(value);
    }

    void write(PrometheusText out, String name, String... labels) {
        long cumulative = 0;
        String[] le = buckets.labels();
        for (int i = 0; i < counts.length; i++) {
            cumulative += counts[i].sum();
            out.sample(name + "_bucket", cumulative, labels, "le", le[i]);
        }
        out.sample(name + "_sum", sum.sum(), labels);
        out.sample(name + "_count", cumulative, labels);
    }

    /** Upper bounds and their {@code le} label values, the last being {@code +Inf}. */
    record Buckets(double[] bounds, String[] labels) {

        static Buckets of(double... bounds) {
            String[] labels = new String[bounds.length + 1];
            for (int i = 0; i < bounds.length; i++) {
                labels[i] = PrometheusText.number(bounds[i]);
            }
            labels[bounds.length] = "+Inf";
            return new Buckets(bounds, labels);
        }
    }
}
