/// Stages 1 and 2's result: the event log read and replayed, to its end or
/// to an instant. Holds the platform's state, the names the log uses, how
/// every line was accounted for, the meter fed along the way, and the read
/// log itself, so that later stages can name an event by reading its line
/// again.
struct Replayed {
    /// The reader after the read: names, inputs and counts.
    var reader: EventReader
    /// The platform at the end of the replay (SPEC §1).
    var state: PlatformState
    /// How every line was accounted for (SPEC §6), a close's lines included
    /// when the replay started from one.
    var counts: EventCounts
    /// The meter fed with every allocation change, when one was asked for.
    var meter: Meter?
    /// The platform at ``ReplayOptions/capture`` and what followed it.
    var captured: Captured?
    /// Every event replayed, in the order applied, when
    /// ``ReplayOptions/keepingRecords`` (events before ``ReplayOptions/until``
    /// and after it alike).
    var records: [EventRecord] = []
    /// The rule of SPEC §2.2 each event that broke one broke, by its
    /// input-order position (``EventRecord/sequence``), when
    /// ``ReplayOptions/keepingRecords``.
    var violated: [Int32: RuleViolation] = [:]
    /// The late events applied (``ReplayOptions/late``), in the order applied.
    var lateRecords: [EventRecord] = []

    /// The names the log uses.
    var names: SymbolTable { reader.symbols }

    /// The file and line of a line read.
    func location(of line: LineLocation) -> SourceLocation {
        reader.catalog.location(line)
    }

    /// A line read again, with its id and time as written (when readable).
    func reread(_ line: LineLocation) -> RereadLine {
        reader.catalog.reread(line)
    }
}

/// How a replay ended: replayed, or stopped because it started from a close
/// and the log holds an event dated before that close's end that the close
/// did not have (a late event, SPEC §7.3): it must start from an earlier one.
enum ReplayOutcome<Sink> {
    case replayed(Replayed, Sink)
    /// The earliest late event's time.
    case late(Int64)
}
