import Foundation
@testable import Tally

extension SplitMix64 {
    /// The seeds random tests use: a fixed list, or `$TALLY_SEED` to replay one.
    static var testSeeds: [UInt64] {
        if let text = ProcessInfo.processInfo.environment["TALLY_SEED"], let seed = UInt64(text) { return [seed] }
        return [1, 7, 42, 2026, 90_210]
    }
}
