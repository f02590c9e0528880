extension RateCardSet {
    /// Splits the seconds `from..<to` (seconds since the epoch) where the card
    /// in effect changes, and calls `body` with each piece, in order, and the
    /// index of its card in ``cards``: `nil` for a piece before the first card,
    /// which no card prices (SPEC §4). Both meters walk allocations this way.
    func forEachSegment(from start: Int64, to end: Int64, _ body: (_ card: Int?, _ from: Int64, _ to: Int64) -> Void) {
        var from = start
        while from < end {
            guard let card = cardIndex(at: from) else {
                // Only the time before the first card has no card.
                let next = min(end, cards.first?.effectiveFrom.secondsSinceEpoch ?? end)
                body(nil, from, next)
                from = next
                continue
            }
            let segmentEnd = min(end, self.end(ofCard: card) ?? end)
            body(card, from, segmentEnd)
            from = segmentEnd
        }
    }
}
