extension SSLAction {
    /// Checks the action for `account` at `time` by applying its event to
    /// `replayer` with the real ``Replayer`` rules (SPEC §2.2), so that the
    /// ticket service and the month-end run can never disagree.
    ///
    /// - Parameters:
    ///   - replayer: the platform replayed up to `time`; changed only when the
    ///     action is accepted (pass a copy to ask "what if").
    ///   - symbols: the replay's names; the action's names are added.
    /// - Returns: why the action is refused, or `nil` when it is accepted.
    func apply(to replayer: inout Replayer, account: AccountName, at time: Timestamp,
               symbols: inout SymbolTable) -> SSLRefusal? {
        let record = self.record(account: account, at: time, symbols: &symbols)
        if let refusal = refusal(of: record, on: replayer, symbols: symbols) { return refusal }
        _ = replayer.apply(record, symbols: symbols, emit: { _ in })
        return nil
    }

    /// Checks the action for `account` at `time` against `replayer`'s
    /// platform without changing it or copying it (a quote, an eligibility
    /// check): the same rules and answer as ``apply(to:account:at:symbols:)``.
    func check(against replayer: Replayer, account: AccountName, at time: Timestamp,
               symbols: inout SymbolTable) -> SSLRefusal? {
        refusal(of: record(account: account, at: time, symbols: &symbols), on: replayer, symbols: symbols)
    }

    /// Why `record`, the action's event, is refused on `replayer`'s platform.
    private func refusal(of record: EventRecord, on replayer: Replayer, symbols: SymbolTable) -> SSLRefusal? {
        let edgeBefore = replayer.state.sslEdges[record.domain]
        if let violation = replayer.sslViolation(record, symbols: symbols) {
            // A sandbox application never has a domain (SPEC §2.2: domain.added
            // needs live or enterprise), so the replay's first reason would be
            // "not attached"; the flavor is the reason support must give.
            if case .domainNotAttached = violation,
               let application = replayer.state.applications[.init(account: record.account, application: record.application)],
               !application.flavor.allowsCustomDomains {
                return .rule(.customDomainsNeedLiveOrEnterprise(symbols.name(record.application), application.flavor))
            }
            return .rule(violation)
        }
        if case .enable = self {
        } else if let given = application, let edge = edgeBefore, edge.application != record.application {
            return .edgeOfAnotherApplication(domain, enabledFor: symbols.name(edge.application), given: given)
        }
        return nil
    }

    /// The compact record of the action's event; it stands for no line of
    /// any input (its location is a placeholder).
    private func record(account: AccountName, at time: Timestamp, symbols: inout SymbolTable) -> EventRecord {
        // Known names are looked up, so that the table is not copied to be changed.
        func symbol<Kind>(_ text: String) -> Symbol<Kind> { symbols.lookUp(text) ?? symbols.intern(text) }
        let application: Symbol<ApplicationKind> = self.application.map { symbol($0.text) } ?? .none
        return EventRecord(
            time: time.secondsSinceEpoch, sequence: .max, type: type, flavor: nil, instances: 0, memoryUnits: 0,
            account: symbol(account.text), application: application, service: .none, serviceType: .none,
            domain: symbol(domain.text), location: LineLocation(source: .max, line: 0, offset: 0, length: 0))
    }
}
