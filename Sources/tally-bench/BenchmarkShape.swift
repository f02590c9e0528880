/// The shapes of platform the benchmark measures (README, "Performance"):
/// the same rules, other proportions, because a log that only exercises the
/// common path proves little.
enum BenchmarkShape: String, CaseIterable {
    /// 1,000 accounts of up to three applications, mostly scaling, few edges.
    case baseline
    /// 20,000 accounts; a quarter of live applications hold SSL edges;
    /// services and applications destroyed as often as in the real trace.
    case sslEdges = "ssl-edges"
    /// 200,000 accounts.
    case manyAccounts = "many-accounts"
    /// `ssl-edges` spread over 24 months of history before the billed month.
    case history
    /// `ssl-edges` in random order.
    case shuffled
    /// `ssl-edges` with 5 % of lines exact re-sends of recent ones.
    case duplicates

    var accounts: Int {
        switch self {
        case .baseline: 1_000
        case .manyAccounts: 200_000
        default: 20_000
        }
    }

    var appsPerAccount: Int { self == .baseline ? 3 : 4 }
    var historyMonths: Int { self == .history ? 24 : 0 }
    var shuffled: Bool { self == .shuffled }
    var duplicatePercent: Int { self == .duplicates ? 5 : 0 }
    var invalidPercent: Int { 1 }
    /// Per mille of an account's events that destroy one of its applications
    /// (the edge of a destroyed application goes on, SPEC §1).
    var applicationDestroyPerMille: Int { self == .baseline ? 2 : 15 }
    /// Per mille of an application's events that destroy one of its services
    /// (the real trace: 11.5 % of events are service.destroyed).
    var serviceDestroyPerMille: Int { self == .baseline ? 40 : 115 }
    /// Per mille of a live application's events that add a domain or enable SSL.
    var sslPerMille: Int { self == .baseline ? 40 : 250 }
}
