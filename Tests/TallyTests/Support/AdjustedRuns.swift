import Foundation
@testable import Tally

/// Month-end runs whose invoices carry adjustment lines of closed months
/// (SPEC §7.3), built as values: the pipeline that makes them is not here
/// yet, and the renderings must be right before it is.
enum AdjustedRuns {
    static let usd = Currency(code: "USD")!
    static let october = BillingPeriod("2026-10")!

    /// A service line, or with `adjusts` an adjustment of one; usage from
    /// `from` to `to`, both included (RFC 3339).
    static func service(_ application: String, _ service: String, type: String, flavor: Flavor = .live, mbSeconds: Int64,
                        cents: Int64, from: String, to: String, adjusts: String? = nil) -> LineItem {
        LineItem(kind: .service, application: try! ApplicationName(application), service: try! ServiceName(service),
                 serviceType: try! ServiceType(type), domain: nil, applicationDestroyedAt: nil, flavor: flavor,
                 rateCard: Fixtures.dotcloud, mbSeconds: mbSeconds, unitPrice: UnitPrice("0.0001875")!,
                 amount: Money(minorUnits: cents, currency: usd), usageStart: Timestamp(rfc3339: from)!,
                 usageEnd: Timestamp(rfc3339: to)!, adjusts: adjusts.map { BillingPeriod($0)! })
    }

    /// An SSL edge line of `domain` for `application`, or an adjustment of one.
    static func edge(_ domain: String, application: String, destroyed: String? = nil, mbSeconds: Int64, cents: Int64,
                     from: String, to: String, adjusts: String? = nil) -> LineItem {
        LineItem(kind: .sslEdge, application: try! ApplicationName(application), service: nil, serviceType: nil,
                 domain: try! DomainName(domain), applicationDestroyedAt: destroyed.map { Timestamp(rfc3339: $0)! },
                 flavor: .live, rateCard: Fixtures.dotcloud, mbSeconds: mbSeconds, unitPrice: UnitPrice("0.0001875")!,
                 amount: Money(minorUnits: cents, currency: usd), usageStart: Timestamp(rfc3339: from)!,
                 usageEnd: Timestamp(rfc3339: to)!, adjusts: adjusts.map { BillingPeriod($0)! })
    }

    /// `account`'s invoice of `period` with `lines` in invoice order (as the
    /// assembler orders them) and their sum as its total.
    static func invoice(_ account: String, _ lines: [LineItem], period: BillingPeriod = october,
                        rejections: [Rejection] = []) -> Invoice {
        let account = try! AccountName(account)
        let ordered = lines.sorted(by: InvoiceAssembler.precedes)
        return Invoice(number: Invoice.number(for: account, in: period), account: account, period: period, lines: ordered,
                       total: Money(minorUnits: ordered.reduce(0) { $0 + $1.amount.minorUnits }, currency: usd),
                       status: rejections.isEmpty ? .final : .held, rejectedLineCount: rejections.count,
                       rejectedLines: rejections)
    }

    /// October 2026 after August and September were closed:
    /// - `acct_blog`: its own lines (a service, an SSL edge whose application
    ///   was destroyed), a charge for August, and two corrections of
    ///   September, one negative and one of 0.00;
    /// - `acct_labs`: a small own line and a large refund for September: its
    ///   total is negative, a credit;
    /// - `acct_shop`: no usage in October, adjustments of August and September only.
    static var october2026: InvoiceRun {
        let blog = invoice("acct_blog", [
            service("blog", "www", type: "php", mbSeconds: 154_828_800, cents: 806,
                    from: "2026-10-01T00:00:00Z", to: "2026-10-14T23:59:59Z"),
            edge("www.example.org", application: "blog", destroyed: "2026-10-15T00:00:00Z", mbSeconds: 373_248_000, cents: 1944,
                 from: "2026-10-05T00:00:00Z", to: "2026-10-31T23:59:59Z"),
            edge("www.example.org", application: "blog", mbSeconds: -13_824_000, cents: -72,
                 from: "2026-09-01T00:00:00Z", to: "2026-09-30T23:59:59Z", adjusts: "2026-09"),
            service("blog", "www", type: "php", mbSeconds: -1_800, cents: 0,
                    from: "2026-09-01T00:00:00Z", to: "2026-09-30T23:59:59Z", adjusts: "2026-09"),
            service("blog", "www", type: "php", mbSeconds: 10_368_000, cents: 54,
                    from: "2026-08-20T00:00:00Z", to: "2026-08-31T23:59:59Z", adjusts: "2026-08"),
        ])
        let labs = invoice("acct_labs", [
            service("api", "db", type: "postgresql", flavor: .enterprise, mbSeconds: 96_000, cents: 1,
                    from: "2026-10-25T09:00:00Z", to: "2026-10-25T09:49:59Z"),
            service("api", "db", type: "postgresql", flavor: .enterprise, mbSeconds: -2_720_563_200, cents: -14_170,
                    from: "2026-09-01T06:00:00Z", to: "2026-09-30T23:59:59Z", adjusts: "2026-09"),
        ])
        let shop = invoice("acct_shop", [
            service("shop", "www", type: "python", mbSeconds: 1_260_748_800, cents: 6566,
                    from: "2026-09-01T00:00:00Z", to: "2026-09-19T23:59:59Z", adjusts: "2026-09"),
            service("shop", "www", type: "python", mbSeconds: 69_120_000, cents: 360,
                    from: "2026-08-31T00:00:00Z", to: "2026-08-31T23:59:59Z", adjusts: "2026-08"),
        ])
        return InvoiceRun(period: october, currency: usd, invoices: [blog, labs, shop],
                          events: EventCounts(lines: 31, applied: 31), heldAccountsWithoutInvoice: [])
    }

    /// A day-by-day series for `line` (31 days of October): its MB-seconds
    /// spread evenly over the days of its usage, the last day taking the rest.
    static func series(_ line: LineItem) -> DailyUsageSeries {
        var series = DailyUsageSeries(dayCount: october.days)
        let first = Int((line.usageStart.secondsSinceEpoch - october.start.secondsSinceEpoch) / 86_400)
        let last = Int((line.usageEnd.secondsSinceEpoch - october.start.secondsSinceEpoch) / 86_400)
        let days = Int64(last - first + 1)
        for day in first...last {
            series.mbSeconds[day] = line.mbSeconds / days + (day == last ? line.mbSeconds % days : 0)
            series.peakMB[day] = 128
        }
        return series
    }

    /// `account`'s usage report of ``october2026``, days spread by ``series(_:)``.
    static func usageReport(_ account: String) throws -> UsageReport {
        let run = october2026
        let invoice = run.invoices.first { $0.account.text == account }
        return try UsageReport(account: try AccountName(account), period: october, currency: usd, invoice: invoice,
                               rejectedLineCount: 0, events: run.events, series: series)
    }
}
