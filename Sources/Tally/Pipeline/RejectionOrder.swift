/// Holds the rejected lines of a replay so that they are reported in input
/// order (by input, then line) once it is known which events break a rule
/// (a replay of an unsorted log learns that only at its end). Past
/// ``byteLimit`` of held lines (a log that is mostly garbage), the rest are
/// passed on as they are found, so memory stays bounded.
struct RejectionOrder {
    /// Bytes of rejected lines held at most (64 MiB).
    static let byteLimit = 64 << 20

    private var held: [Rejection] = []
    private var heldBytes = 0
    private let inputOrder: [String: Int]

    init(inputs: [EventInput]) {
        var order: [String: Int] = [:]
        for (index, input) in inputs.enumerated() where order[input.name] == nil { order[input.name] = index }
        inputOrder = order
    }

    /// Holds `rejection`, or passes it to `overflow` when too much is held.
    mutating func add(_ rejection: Rejection, overflow: (Rejection) -> Void) {
        guard heldBytes < Self.byteLimit else {
            overflow(rejection)
            return
        }
        held.append(rejection)
        heldBytes += rejection.originalLine.count + 128
    }

    /// Passes every held rejection to `body`, in input order (same place:
    /// the order held). Each rejection's place is found once and the sort
    /// moves indices: looking file names up on every comparison and moving
    /// the rejections took 7 % of a run with many rejected lines (README,
    /// "Performance").
    func emit(_ body: (Rejection) -> Void) {
        let places = held.map { (input: inputOrder[$0.location.file] ?? Int.max, line: $0.location.line) }
        let order = held.indices.sorted { lhs, rhs in
            (places[lhs].input, places[lhs].line, lhs) < (places[rhs].input, places[rhs].line, rhs)
        }
        for index in order { body(held[index]) }
    }
}
