/// Why a run stopped without a result.
public enum RunError: Error, Sendable, Hashable, CustomStringConvertible {
    /// An input could not be read at all (CLI exit code 66).
    case input(InputError)
    /// The rate cards can't price the run (CLI exit code 78).
    case configuration(RateCardError)

    /// The message, in words, for people and logs.
    public var description: String {
        switch self {
        case let .input(error): "\(error)"
        case let .configuration(error): "rate-card configuration error: \(error)"
        }
    }
}
