package io.hubkit.samples.dashboard.hub;

/** The dashboard's groups: every page is in {@link #OVERVIEW}; a page watching a metric is in {@link #watching}. */
public final class Groups {

    /** Every connected page: receives all current values (the tiles). */
    public static final String OVERVIEW = "overview";

    private Groups() {
    }

    /** The pages watching {@code metric}: receive its every reading. */
    public static String watching(String metric) {
        return "watching:" + metric;
    }
}
