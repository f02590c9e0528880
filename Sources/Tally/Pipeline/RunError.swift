/// Why a run stopped without a result.
public enum RunError: Error, Sendable, Hashable, CustomStringConvertible {
    /// An input could not be read at all (CLI exit code 66).
    case input(InputError)
    /// The rate cards can't price the run (CLI exit code 78).
    case configuration(RateCardError)
    /// A figure does not fit in 64 bits: an amount in minor units or the
    /// MB-seconds of one line, far beyond any real bill (CLI exit code 70).
    case overflow(String)

    /// The message, in words, for people and logs.
    public var description: String {
        switch self {
        case let .input(error): "\(error)"
        case let .configuration(error): "rate-card configuration error: \(error)"
        case let .overflow(problem): "\(problem); nothing was billed: check the log's allocations and the rate card's prices"
        }
    }
}
