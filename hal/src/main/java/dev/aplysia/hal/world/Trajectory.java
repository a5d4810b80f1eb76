package dev.aplysia.hal.world;

import java.util.Arrays;

/**
 * The robot's poses, one per recorded physics step, in primitive arrays (a minute at 1 ms steps is 60,000 samples,
 * about 2 MB). Each sample carries its episode: 0 at start, one more after every reset or change of arena, so that a
 * chart draws one line per episode.
 */
public final class Trajectory {

    private static final int INITIAL_CAPACITY = 1024;

    private long[] nanos = new long[INITIAL_CAPACITY];
    private double[] xs = new double[INITIAL_CAPACITY];
    private double[] ys = new double[INITIAL_CAPACITY];
    private double[] headings = new double[INITIAL_CAPACITY];
    private int[] episodes = new int[INITIAL_CAPACITY];
    private int size;

    void add(long time, Pose pose, int episode) {
        add(time, pose.x(), pose.y(), pose.heading(), episode);
    }

    void add(long time, double x, double y, double heading, int episode) {
        if (size == nanos.length) {
            grow();
        }
        nanos[size] = time;
        xs[size] = x;
        ys[size] = y;
        headings[size] = heading;
        episodes[size] = episode;
        size++;
    }

    private void grow() {
        int capacity = size * 2;
        nanos = Arrays.copyOf(nanos, capacity);
        xs = Arrays.copyOf(xs, capacity);
        ys = Arrays.copyOf(ys, capacity);
        headings = Arrays.copyOf(headings, capacity);
        episodes = Arrays.copyOf(episodes, capacity);
    }

    /** Drops every sample. */
    void clear() {
        size = 0;
    }

    /** How many samples there are. */
    public int size() {
        return size;
    }

    /** The board-clock time of sample {@code i}, ns. */
    public long nanos(int i) {
        return nanos[check(i)];
    }

    /** The pose of sample {@code i}. */
    public Pose pose(int i) {
        check(i);
        return new Pose(xs[i], ys[i], headings[i]);
    }

    /** The episode of sample {@code i}. */
    public int episode(int i) {
        return episodes[check(i)];
    }

    private int check(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("sample " + i + " of " + size);
        }
        return i;
    }
}
