/// An adjustment line with what it is the difference of and the late events
/// taken to cause it (SPEC §7.3; README, "Closing a month"), for explaining it.
struct AdjustmentCause: Sendable {
    /// The adjustment, with its due and billed figures.
    var correction: Adjustments.Correction
    /// The late events applied that touched its line, in the order applied
    /// (order of time, same-second events in input order).
    var lateRecords: [EventRecord]
}

/// Which late events touched which line (README, "Closing a month"): a late
/// event is taken to cause an adjustment of month C when it is of the same
/// account, dated before the end of C (an event changes usage from its
/// instant on, so one dated before C may change C), and of the line's
/// resource: for a service line, an event of that service or of its
/// application as a whole (`application.*`); for an SSL edge line, an event
/// naming its domain (`domain.*`, `ssl.enabled`, `ssl.disabled`) or of the
/// application it was enabled for as a whole. `ssl.certificate_updated`
/// changes nothing billed and causes nothing.
struct LateEventIndex {
    private var byApplication: [ResourceKey: [EventRecord]] = [:]
    private var byDomain: [ResourceKey: [EventRecord]] = [:]

    private struct ResourceKey: Hashable {
        var account: Int32
        var name: Int32
    }

    /// Indexes `records`, the late events applied, in the order applied.
    init(_ records: [EventRecord]) {
        for record in records where record.type != .sslCertificateUpdated {
            if !record.application.isNone {
                byApplication[ResourceKey(account: record.account.index, name: record.application.index), default: []].append(record)
            }
            if !record.domain.isNone {
                byDomain[ResourceKey(account: record.account.index, name: record.domain.index), default: []].append(record)
            }
        }
    }

    /// The late events that touched `correction`'s line, over the names of `names`.
    func causes(of correction: Adjustments.Correction, names: SymbolTable) -> [EventRecord] {
        let line = correction.line
        guard let month = line.adjusts,
              let account: Symbol<AccountKind> = names.lookUp(correction.account.text) else { return [] }
        let end = month.end.secondsSinceEpoch
        let application: Symbol<ApplicationKind>? = names.lookUp(line.application.text)
        let applicationEvents = application.map { byApplication[ResourceKey(account: account.index, name: $0.index)] ?? [] } ?? []
        var found: [EventRecord]
        switch line.kind {
        case .service:
            let service: Symbol<ServiceKind>? = line.service.flatMap { names.lookUp($0.text) }
            found = applicationEvents.filter { record in
                record.type.isApplicationWide || (service != nil && record.service == service && record.type.isServiceEvent)
            }
        case .sslEdge:
            let domain: Symbol<DomainKind>? = line.domain.flatMap { names.lookUp($0.text) }
            let domainEvents = domain.map { byDomain[ResourceKey(account: account.index, name: $0.index)] ?? [] } ?? []
            found = applicationEvents.filter(\.type.isApplicationWide) + domainEvents
            found.sort { ($0.time, $0.sequence) < ($1.time, $1.sequence) }
        }
        return found.filter { $0.time < end }
    }
}

extension EventType {
    /// An event on an application as a whole: its creation, flavor or destruction.
    var isApplicationWide: Bool {
        self == .applicationCreated || self == .applicationFlavorChanged || self == .applicationDestroyed
    }

    /// An event on one service.
    var isServiceEvent: Bool {
        self == .serviceDeployed || self == .serviceScaled || self == .serviceDestroyed
    }
}
