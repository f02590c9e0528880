extension Ledger {
    /// Quotes custom-domain SSL for `domain` of `application` in `account` at
    /// the ledger's instant: the request must be one that
    /// ``check(_:for:)`` accepts for ``SSLAction/enable(application:domain:)``.
    ///
    /// - Returns: the hourly price, the full month's and the rest of the
    ///   month's, under the rate card in effect at the instant.
    /// - Throws: ``LedgerError/refused(_:)`` when SSL can't be enabled (the
    ///   application does not exist in the account, the domain is not attached
    ///   to it, it is sandbox, or the domain already has an edge);
    ///   ``LedgerError/configuration(_:)`` when no rate card is in effect at the
    ///   instant or an amount does not fit in 64 bits.
    public func sslQuote(application: ApplicationName, domain: DomainName,
                         for account: AccountName) throws(LedgerError) -> SSLQuote {
        do {
            try check(.enable(application: application, domain: domain), for: account)
        } catch {
            throw .refused(error)
        }
        let flavor = try self.application(application, in: account).flavor
        let card = try cardInEffect()
        let edgeMB = Int64(card.sslEdgeMemoryMB)
        let month = period
        let restSeconds = month.end.secondsSinceEpoch - instant.secondsSinceEpoch
        return SSLQuote(
            account: account, application: application, domain: domain, flavor: flavor, instant: instant,
            rateCard: card, edgeMemoryMB: card.sslEdgeMemoryMB, unitPrice: card.price(for: flavor),
            hourly: try amount(edgeMB * 3600, flavor: flavor, card: card),
            month: month,
            fullMonth: try amount(edgeMB * month.hours * 3600, flavor: flavor, card: card),
            restOfMonthSeconds: restSeconds,
            restOfMonth: try amount(edgeMB * restSeconds, flavor: flavor, card: card))
    }

    /// The price of one hour of `edge` under the rate card in effect at the
    /// ledger's instant: the card's edge MB × 3,600 MB-seconds at the edge's
    /// flavor, rounded as an invoice line (SPEC §3).
    ///
    /// - Throws: ``LedgerError/configuration(_:)`` when no rate card is in
    ///   effect at the instant.
    public func hourlyPrice(of edge: SSLEdgeView) throws(LedgerError) -> Money {
        let card = try cardInEffect()
        return try amount(Int64(card.sslEdgeMemoryMB) * 3600, flavor: edge.flavor, card: card)
    }

    /// The rate card in effect at the ledger's instant.
    private func cardInEffect() throws(LedgerError) -> RateCard {
        guard let card = rateCards.card(at: instant) else {
            throw .configuration(RateCardError(
                file: nil, field: "effective_from",
                problem: "no rate card is in effect at \(instant); add a card in effect from that instant or earlier"))
        }
        return card
    }

    /// The amount for `mbSeconds` at `flavor`'s price on `card`, priced by
    /// the pipeline's rater exactly as an invoice line (SPEC §3).
    private func amount(_ mbSeconds: Int64, flavor: Flavor, card: RateCard) throws(LedgerError) -> Money {
        do {
            return try Rater(rateCards: rateCards).amount(forMBSeconds: mbSeconds, flavor: flavor, card: card)
        } catch {
            throw LedgerError(error)
        }
    }
}
