package dev.aplysia.device.telemetry;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The bounded ring between the tick thread (the one producer) and the publisher thread (the one consumer). Slots are
 * preallocated; neither {@link #offer} nor {@link #poll} allocates, locks or waits.
 *
 * <p>When the ring is full, {@code offer} drops the oldest frame and counts it in {@link #dropped()}: the device keeps
 * learning while the broker is away and the collector sees the loss as a gap in {@code seq}. Frames come out in the
 * order they went in.
 *
 * <p>How it stays correct without a lock: {@code head} (next frame to read) is advanced by compare-and-set by both
 * threads — by the consumer after copying a frame out, by the producer when it drops the oldest frame. The producer
 * only overwrites the slot of frame {@code h} after it has itself moved {@code head} past {@code h}; so if the consumer
 * was copying frame {@code h} meanwhile, the consumer's own compare-and-set from {@code h} fails, it discards the
 * possibly torn copy and reads the new head. {@code tail} is written only by the producer, after the slot is filled.
 * Using it from more than one producer or consumer thread breaks this; that is the caller's contract.
 */
public final class TelemetryQueue {

    private final int capacity;
    private final int slotBytes;
    private final byte[] payloads;
    private final int[] channels;
    private final int[] lengths;
    private final AtomicLong head = new AtomicLong();
    private volatile long tail;
    private volatile long dropped;
    private volatile Thread consumer;

    /**
     * A ring of {@code capacity} frames of at most {@code slotBytes} bytes each.
     *
     * @throws IllegalArgumentException if either is not positive or the ring would exceed 2 GiB
     */
    public TelemetryQueue(int capacity, int slotBytes) {
        if (capacity < 1 || slotBytes < 1 || (long) capacity * slotBytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("need capacity >= 1 and slotBytes >= 1 within 2 GiB, got "
                    + capacity + " x " + slotBytes);
        }
        this.capacity = capacity;
        this.slotBytes = slotBytes;
        this.payloads = new byte[capacity * slotBytes];
        this.channels = new int[capacity];
        this.lengths = new int[capacity];
    }

    /**
     * Adds a frame; producer thread only. Never waits: if the ring is full, the oldest frame is dropped first.
     *
     * @param channel the frame's channel id (see {@link Telemetry})
     * @param payload the bytes {@code [0, length)} are copied
     * @throws IllegalArgumentException if {@code length} exceeds {@link #slotBytes()}
     */
    public void offer(int channel, byte[] payload, int length) {
        if (length < 0 || length > slotBytes) {
            throw new IllegalArgumentException("frame of " + length + " bytes exceeds the " + slotBytes + "-byte slot");
        }
        long t = tail;
        makeRoom(t);
        int slot = (int) (t % capacity);
        System.arraycopy(payload, 0, payloads, slot * slotBytes, length);
        channels[slot] = channel;
        lengths[slot] = length;
        tail = t + 1;
        Thread waiting = consumer;
        if (waiting != null) {
            LockSupport.unpark(waiting);
        }
    }

    /**
     * Makes {@link #offer} unpark {@code thread} (the consumer, parked while the ring was empty), so that it may idle
     * long between frames without delaying them. Unparking neither allocates nor waits.
     */
    public void wakeOnOffer(Thread thread) {
        consumer = thread;
    }

    private void makeRoom(long t) {
        while (true) {
            long h = head.get();
            if (t - h < capacity) {
                return;
            }
            if (head.compareAndSet(h, h + 1)) {
                dropped = dropped + 1;
                return;
            }
        }
    }

    /**
     * Copies the oldest frame into {@code into} and removes it; consumer thread only.
     *
     * @param into a holder of at least {@link #slotBytes()} bytes
     * @return false if the queue was empty ({@code into} is then unchanged)
     */
    public boolean poll(Frame into) {
        if (into.payload().length < slotBytes) {
            throw new IllegalArgumentException("holder of " + into.payload().length + " bytes is smaller than the "
                    + slotBytes + "-byte slot");
        }
        while (true) {
            long h = head.get();
            if (h >= tail) {
                return false;
            }
            int slot = (int) (h % capacity);
            int length = lengths[slot];
            int channel = channels[slot];
            System.arraycopy(payloads, slot * slotBytes, into.payload(), 0, length);
            if (head.compareAndSet(h, h + 1)) {
                into.set(channel, length);
                return true;
            }
        }
    }

    /** Frames waiting; exact when neither thread is active, a snapshot otherwise. */
    public int size() {
        return (int) Math.max(0, tail - head.get());
    }

    /** The most frames the ring holds. */
    public int capacity() {
        return capacity;
    }

    /** The largest frame, in bytes. */
    public int slotBytes() {
        return slotBytes;
    }

    /** Frames offered since construction. */
    public long offered() {
        return tail;
    }

    /** Frames dropped (oldest first) because the ring was full, since construction. */
    public long dropped() {
        return dropped;
    }
}
