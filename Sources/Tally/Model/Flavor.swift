import Foundation

/// An application's flavor (SPEC §1), matched exactly, case included.
public enum Flavor: String, Sendable, Hashable, CaseIterable, Comparable, CustomStringConvertible {
    /// Free, cannot be scaled, no custom domains; appears on no invoice.
    case sandbox
    /// Billed on reserved memory at the rate card's `live` price.
    case live
    /// Billed on reserved memory at the rate card's `enterprise` price.
    case enterprise

    /// Whether usage under this flavor is billed (SPEC §3: sandbox is free).
    public var isBilled: Bool { self != .sandbox }

    /// Whether applications of this flavor may have custom domains and SSL edges (SPEC §2.2).
    public var allowsCustomDomains: Bool { self != .sandbox }

    /// The flavor as written in the event log, e.g. `live`.
    public var description: String { rawValue }

    /// Orders flavors as listed: sandbox, live, enterprise.
    public static func < (lhs: Flavor, rhs: Flavor) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

extension Flavor {
    private static let names: [(bytes: [UInt8], flavor: Flavor)] = allCases.map { (Array($0.rawValue.utf8), $0) }

    /// The flavor whose name is `bytes` exactly, without making a `String`.
    init?(bytes: UnsafeRawBufferPointer) {
        guard let start = bytes.baseAddress else { return nil }
        for entry in Self.names where entry.bytes.count == bytes.count
            && entry.bytes.withUnsafeBytes({ memcmp($0.baseAddress!, start, bytes.count) }) == 0 {
            self = entry.flavor
            return
        }
        return nil
    }
}
