/// Stage 4 of the pipeline: prices metered usage with the rate card in effect,
/// one line item per usage record, rounded once (SPEC §3). The one place
/// where MB-seconds become money: invoices, costs to date and SSL quotes all
/// price through ``amount(forMBSeconds:flavor:card:)``.
struct Rater: Sendable {
    let rateCards: RateCardSet

    /// The amount for `mbSeconds` at `flavor`'s price on `card`:
    /// `mbSeconds × price per MB-hour ÷ 3600`, exact, rounded once to the
    /// currency's minor unit with the card's rounding mode (SPEC §3).
    ///
    /// - Throws: ``RunError/overflow(_:)`` when the amount does not fit in 64
    ///   bits of minor units (a price or usage far beyond any real bill).
    func amount(forMBSeconds mbSeconds: Int64, flavor: Flavor, card: RateCard) throws(RunError) -> Money {
        guard let minorUnits = card.price(for: flavor).amount(
            forMBSeconds: mbSeconds, minorUnitExponent: card.currency.minorUnitExponent, rounding: card.rounding)
        else {
            throw .overflow("the amount for \(NumberText.grouped(mbSeconds)) MB-seconds at \(card.price(for: flavor)) \(card.currency)/MB-hour (rate card \(card.name), \(flavor)) does not fit in 64 bits")
        }
        return Money(minorUnits: minorUnits, currency: card.currency)
    }

    /// A priced line for one usage record.
    ///
    /// - Throws: ``RunError/overflow(_:)`` when the amount does not fit in 64 bits.
    func lineItem(for record: UsageRecord, names: SymbolTable) throws(RunError) -> LineItem {
        let card = rateCards.cards[record.key.card]
        let price = card.price(for: record.key.flavor)
        let amount = try amount(forMBSeconds: record.mbSeconds, flavor: record.key.flavor, card: card)
        let usageStart = Timestamp(secondsSinceEpoch: record.firstSecond)
        let usageEnd = Timestamp(secondsSinceEpoch: record.lastSecond)
        switch record.key.subject {
        case let .service(application, service):
            return LineItem(
                kind: .service, application: names.name(application), service: names.name(service),
                serviceType: names.name(record.serviceType), domain: nil, applicationDestroyedAt: nil,
                flavor: record.key.flavor, rateCard: card, mbSeconds: record.mbSeconds, unitPrice: price,
                amount: amount, usageStart: usageStart, usageEnd: usageEnd, key: record.key)
        case let .sslEdge(domain):
            return LineItem(
                kind: .sslEdge, application: names.name(record.edgeApplication), service: nil, serviceType: nil,
                domain: names.name(domain),
                applicationDestroyedAt: record.edgeApplicationDestroyedAt.map(Timestamp.init(secondsSinceEpoch:)),
                flavor: record.key.flavor, rateCard: card, mbSeconds: record.mbSeconds, unitPrice: price,
                amount: amount, usageStart: usageStart, usageEnd: usageEnd, key: record.key)
        }
    }
}
