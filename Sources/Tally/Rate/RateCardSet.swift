/// All rate cards, ordered by `effective_from`: each is in effect from its
/// instant until the next one's (SPEC §4). At least one card; one currency.
public struct RateCardSet: Sendable, Hashable {
    /// The cards, earliest first.
    public let cards: [RateCard]

    /// Makes a set after checking it: at least one card, distinct
    /// `effective_from`, one currency (SPEC §4).
    ///
    /// - Throws: ``RateCardError`` naming the file and field at fault.
    public init(_ cards: [RateCard]) throws(RateCardError) {
        guard let first = cards.first else {
            throw RateCardError(file: nil, field: nil, problem: "no rate card; add a *.json card (see README, \"Rate cards\")")
        }
        let sorted = cards.sorted { ($0.effectiveFrom, $0.file) < ($1.effectiveFrom, $1.file) }
        for (earlier, later) in zip(sorted, sorted.dropFirst()) where earlier.effectiveFrom == later.effectiveFrom {
            throw RateCardError(
                file: later.file, field: "effective_from",
                problem: "\(later.effectiveFrom) is also the effective_from of \(earlier.file); each card needs its own instant")
        }
        for card in sorted where card.currency != first.currency {
            throw RateCardError(
                file: card.file, field: "currency",
                problem: "\(card.currency) differs from \(first.currency) in \(first.file); all cards share one currency")
        }
        self.cards = sorted
    }

    /// A set of cards already known to be valid: at least one, sorted, with
    /// distinct instants and one currency.
    init(checked cards: [RateCard]) {
        self.cards = cards
    }

    /// The currency every card uses.
    public var currency: Currency { cards[0].currency }

    /// The index of the card in effect at `time` (seconds since the epoch), or
    /// `nil` before the first card.
    func cardIndex(at time: Int64) -> Int? {
        var low = 0
        var high = cards.count
        while low < high {
            let middle = (low + high) / 2
            if cards[middle].effectiveFrom.secondsSinceEpoch <= time { low = middle + 1 } else { high = middle }
        }
        return low == 0 ? nil : low - 1
    }

    /// The card in effect at `instant`, or `nil` before the first card.
    public func card(at instant: Timestamp) -> RateCard? {
        cardIndex(at: instant.secondsSinceEpoch).map { cards[$0] }
    }

    /// When the card after `index` takes effect, or `nil` for the last card.
    func end(ofCard index: Int) -> Int64? {
        index + 1 < cards.count ? cards[index + 1].effectiveFrom.secondsSinceEpoch : nil
    }
}
