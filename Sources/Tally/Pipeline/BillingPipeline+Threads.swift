import Foundation

extension BillingPipeline {
    /// Stage 1 streamed into stage 2: reads `inputs` with `reader`, each
    /// record applied by `pass` in the order read. With ``jobs`` of 2 or
    /// more the pass runs on a second thread, taking the records in batches
    /// (at most a few in flight, so memory stays flat) while reading goes
    /// on; it needs no names meanwhile (``RuleBreach``), so the reader keeps
    /// its names table to itself. Either way `pass` has applied every record
    /// read when this returns.
    ///
    /// - Throws: ``InputError`` when an input can't be read.
    func read<Sink: AllocationSink>(_ inputs: [EventInput], with reader: inout EventReader, into pass: inout ReplayPass<Sink>,
                                    onRejection: (Rejection) -> Void) throws(InputError) -> EventReader.End {
        guard jobs > 1 else {
            return try reader.read(inputs, onRecord: { record, _ in pass.apply(record) }, onRejection: onRejection)
        }
        let replaying = ReplayThread<Sink>(pass)
        replaying.start()
        var batch: [EventRecord] = []
        batch.reserveCapacity(replayBatch)
        let end: Result<EventReader.End, InputError> = Result { () throws(InputError) in
            try reader.read(inputs, onRecord: { record, _ in
                batch.append(record)
                if batch.count == replayBatch {
                    replaying.put(batch)
                    batch = []
                    batch.reserveCapacity(replayBatch)
                }
            }, onRejection: onRejection)
        }
        if !batch.isEmpty { replaying.put(batch) }
        pass = replaying.finish()
        return try end.get()
    }
}

/// A second thread applying records to a ``ReplayPass``, fed in batches by
/// the reading thread through a short queue.
private final class ReplayThread<Sink: AllocationSink>: @unchecked Sendable {
    /// Batches waiting at most; the reader waits when the queue is full.
    private static var queueLimit: Int { 4 }

    // The pass belongs to the replaying thread between start() and finish().
    private var pass: ReplayPass<Sink>
    private let condition = NSCondition()
    private var queue: [[EventRecord]] = []
    private var closed = false
    private let done = DispatchSemaphore(value: 0)

    init(_ pass: ReplayPass<Sink>) {
        self.pass = pass
    }

    func start() {
        let thread = Thread { [self] in
            while let batch = take() {
                for record in batch { pass.apply(record) }
            }
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Hands `batch` on, waiting while the queue is full.
    func put(_ batch: [EventRecord]) {
        condition.lock()
        while queue.count >= Self.queueLimit { condition.wait() }
        queue.append(batch)
        condition.broadcast()
        condition.unlock()
    }

    /// The next batch, waiting for one; `nil` once closed and empty.
    private func take() -> [EventRecord]? {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty && !closed { condition.wait() }
        guard !queue.isEmpty else { return nil }
        let batch = queue.removeFirst()
        condition.broadcast()
        return batch
    }

    /// Closes the queue, waits for the last batch to be applied, and hands
    /// the pass back.
    func finish() -> ReplayPass<Sink> {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
        done.wait()
        return pass
    }
}
