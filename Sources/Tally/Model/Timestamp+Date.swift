import Foundation

extension Timestamp {
    /// The instant of `date`, with any fraction of a second dropped (rounded
    /// toward the past), as SPEC §2 does for event times. `Timestamp(Date())`
    /// is "now".
    public init(_ date: Date) {
        self.init(secondsSinceEpoch: Int64(date.timeIntervalSince1970.rounded(.down)))
    }
}
