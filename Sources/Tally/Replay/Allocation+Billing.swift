extension Allocation {
    /// What is billed under `card`: a service's own instances and MB per
    /// instance; an SSL edge as one instance of the card's SSL-edge memory
    /// (160 MB on the shipped card; SPEC §1, §4).
    func billedMemory(under card: RateCard) -> (instances: Int, memoryMB: Int) {
        switch self {
        case let .service(_, instances, memoryMB, _): (instances, memoryMB)
        case .sslEdge: (1, card.sslEdgeMemoryMB)
        }
    }
}
