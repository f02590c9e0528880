extension MonthSummary {
    /// Summarises a month-end run. Adjustment lines (SPEC §7.3) count in the
    /// invoices' figures and in ``adjustments``, never in the flavor,
    /// service-type or SSL-edge figures, which are the month's own usage.
    ///
    /// - Throws: ``RunError/configuration(_:)`` when a sum does not fit in 64
    ///   bits (possible only with prices far beyond any real bill).
    public init(_ run: InvoiceRun) throws(RunError) {
        let currency = run.currency
        var issued = Accumulator()
        var held = Accumulator()
        var flavors: [Flavor: Accumulator] = [:]
        var types: [String: Accumulator] = [:]
        var edges = Accumulator()
        var usage = Accumulator()
        var corrected: [BillingPeriod: Accumulator] = [:]
        var edgeNames: Set<EdgeName> = []
        var orphans: Set<EdgeName> = []
        var orphanAmount: Int128 = 0
        for invoice in run.invoices {
            let mbSeconds = invoice.lines.reduce(Int128(0)) { $0 + Int128($1.mbSeconds) }
            if invoice.status == .final {
                issued.add(count: 1, mbSeconds: mbSeconds, minorUnits: Int128(invoice.total.minorUnits))
            } else {
                held.add(count: 1, mbSeconds: mbSeconds, minorUnits: Int128(invoice.total.minorUnits))
            }
            for line in invoice.lines {
                if let month = line.adjusts {
                    corrected[month, default: Accumulator()].add(line)
                    continue
                }
                usage.add(line)
                flavors[line.flavor, default: Accumulator()].add(line)
                switch line.kind {
                case .service:
                    types[line.serviceType?.text ?? "", default: Accumulator()].add(line)
                case .sslEdge:
                    edges.add(line)
                    edgeNames.insert(EdgeName(account: invoice.account, domain: line.domain))
                }
            }
            // An edge is without application when any of its lines says so; count all its lines.
            let own = invoice.lines.filter { !$0.isAdjustment }
            let orphanDomains = Set(own.filter { $0.kind == .sslEdge && $0.applicationDestroyedAt != nil }.map(\.domain))
            for line in own where line.kind == .sslEdge && orphanDomains.contains(line.domain) {
                orphans.insert(EdgeName(account: invoice.account, domain: line.domain))
                orphanAmount += Int128(line.amount.minorUnits)
            }
        }
        var billed = issued
        billed.merge(held)

        func group(_ name: String, _ accumulator: Accumulator) throws(RunError) -> Group {
            guard let mbSeconds = Int64(exactly: accumulator.mbSeconds), let amount = Int64(exactly: accumulator.minorUnits) else {
                throw .configuration(RateCardError(file: nil, field: nil,
                                                   problem: "the month's \(name) sum does not fit in 64 bits; check the prices"))
            }
            return Group(name: name, count: accumulator.count, mbSeconds: mbSeconds,
                         amount: Money(minorUnits: amount, currency: currency))
        }
        let edgeGroup = try group("ssl edge", edges)
        let orphanGroup = try group("ssl edge without application", Accumulator(minorUnits: orphanAmount))
        var flavorGroups: [Group] = []
        for flavor in Flavor.allCases {
            if let accumulator = flavors[flavor] { flavorGroups.append(try group(flavor.rawValue, accumulator)) }
        }
        var typeGroups: [Group] = []
        for type in types.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            typeGroups.append(try group(type, types[type]!))
        }
        var adjustmentGroups: [Group] = []
        for month in corrected.keys.sorted() {
            adjustmentGroups.append(try group(month.description, corrected[month]!))
        }
        let ranked = run.invoices.sorted { ($0.total.minorUnits, $1.account) > ($1.total.minorUnits, $0.account) }
        self.init(
            period: run.period, currency: currency,
            issued: try group("final", issued), held: try group("held", held),
            heldAccountsWithoutInvoice: run.heldAccountsWithoutInvoice.count,
            billed: try group("billed", billed), usage: try group("usage", usage), adjustments: adjustmentGroups,
            byFlavor: flavorGroups, byServiceType: typeGroups,
            sslEdges: SSLEdges(edges: edgeNames.count, lines: edgeGroup.count, mbSeconds: edgeGroup.mbSeconds,
                               amount: edgeGroup.amount, edgesWithoutApplication: orphans.count,
                               amountWithoutApplication: orphanGroup.amount),
            largestInvoices: ranked.prefix(Self.largestInvoiceCount).map {
                RankedInvoice(number: $0.number, account: $0.account, status: $0.status, lineCount: $0.lines.count, total: $0.total)
            },
            events: run.events)
    }
}

/// An SSL edge: one domain of one account.
private struct EdgeName: Hashable {
    var account: AccountName
    var domain: DomainName?
}

/// Counts and sums in 128 bits, checked into 64 when a summary is built.
private struct Accumulator {
    var count = 0
    var mbSeconds: Int128 = 0
    var minorUnits: Int128 = 0

    mutating func add(count: Int, mbSeconds: Int128, minorUnits: Int128) {
        self.count += count
        self.mbSeconds += mbSeconds
        self.minorUnits += minorUnits
    }

    mutating func add(_ line: LineItem) {
        add(count: 1, mbSeconds: Int128(line.mbSeconds), minorUnits: Int128(line.amount.minorUnits))
    }

    mutating func merge(_ other: Accumulator) {
        add(count: other.count, mbSeconds: other.mbSeconds, minorUnits: other.minorUnits)
    }
}
