/// An event field encodes as its name in the event log, e.g. `"memory_mb"`.
extension EventField: Codable {}
