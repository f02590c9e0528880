/// Stage 4 of the pipeline: prices metered usage with the rate card in effect,
/// one line item per usage record, rounded once (SPEC §3).
struct Rater: Sendable {
    let rateCards: RateCardSet

    /// A priced line for one usage record.
    ///
    /// - Throws: ``RateCardError`` when the amount does not fit in 64 bits of
    ///   minor units (a price or usage far beyond any real bill).
    func lineItem(for record: UsageRecord, symbols: SymbolTable) throws(RateCardError) -> LineItem {
        let card = rateCards.cards[record.key.card]
        let price = card.price(for: record.key.flavor)
        guard let minorUnits = price.amount(forMBSeconds: record.mbSeconds,
                                            minorUnitExponent: card.currency.minorUnitExponent,
                                            rounding: card.rounding)
        else {
            throw RateCardError(file: card.file, field: "price_per_mb_hour.\(record.key.flavor)",
                                problem: "the amount for \(record.mbSeconds) MB-seconds does not fit in 64 bits; check the price")
        }
        let usageStart = Timestamp(secondsSinceEpoch: record.firstSecond)
        let usageEnd = Timestamp(secondsSinceEpoch: record.lastSecond)
        switch record.key.subject {
        case let .service(application, service):
            return LineItem(
                kind: .service, application: symbols.name(application), service: symbols.name(service),
                serviceType: symbols.name(record.serviceType), domain: nil, applicationDestroyedAt: nil,
                flavor: record.key.flavor, rateCard: card, mbSeconds: record.mbSeconds, unitPrice: price,
                amount: Money(minorUnits: minorUnits, currency: card.currency), usageStart: usageStart, usageEnd: usageEnd)
        case let .sslEdge(domain):
            return LineItem(
                kind: .sslEdge, application: symbols.name(record.edgeApplication), service: nil, serviceType: nil,
                domain: symbols.name(domain),
                applicationDestroyedAt: record.edgeApplicationDestroyedAt.map(Timestamp.init(secondsSinceEpoch:)),
                flavor: record.key.flavor, rateCard: card, mbSeconds: record.mbSeconds, unitPrice: price,
                amount: Money(minorUnits: minorUnits, currency: card.currency), usageStart: usageStart, usageEnd: usageEnd)
        }
    }
}
