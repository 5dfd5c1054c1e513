package dev.stackbench.loadgen;

/** A FIFO of primitive longs that grows as needed: no boxing on the open model's hot path. */
final class LongQueue {
    private long[] items = new long[1024];
    private int head;
    private int size;

    void add(long value) {
        if (size == items.length) {
            long[] bigger = new long[items.length * 2];
            int firstPart = items.length - head;
            System.arraycopy(items, head, bigger, 0, firstPart);
            System.arraycopy(items, 0, bigger, firstPart, head);
            items = bigger;
            head = 0;
        }
        items[(head + size) % items.length] = value;
        size++;
    }

    /** @return the oldest value; the queue must not be empty */
    long poll() {
        if (size == 0) {
            throw new IllegalStateException("empty");
        }
        long v = items[head];
        head = (head + 1) % items.length;
        size--;
        return v;
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

}
