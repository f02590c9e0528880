/// What takes the replay's allocation changes, in order of time: the meter
/// (stage 3), or nothing when a run only needs the platform's state.
protocol AllocationSink: Sendable {
    /// Takes one change; changes come in order of time.
    mutating func record(_ change: AllocationChange)
}

extension Meter: AllocationSink {}

extension Optional: AllocationSink where Wrapped: AllocationSink {
    /// Passes the change on when there is a sink.
    mutating func record(_ change: AllocationChange) {
        self?.record(change)
    }
}
