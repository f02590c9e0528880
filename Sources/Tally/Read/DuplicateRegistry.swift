/// Remembers every event `id` that passed the field rules (SPEC §2.1), so that
/// a later line with the same id is a duplicate (equal as a value: counted,
/// ignored) or a conflicting duplicate (rejected; the earlier one stands).
///
/// Ids are kept as 64-bit hashes. An id's first line is remembered too, as a
/// ``LineLocation``, so the reader can read it again to confirm the id and
/// compare the two objects; nothing of the line's content is kept.
///
/// Memory (issue 6): remembering the first line costs about 40 bytes an id.
/// When the log is read in time order (`.streaming`), after
/// ``locatedLimit`` ids (half a million) the registry keeps only the 8-byte hashes
/// (``IDHashSet``) plus the lines of the current second: an exact duplicate
/// always has its original's `time`, so in a sorted log it is always found
/// with its first line; a conflicting duplicate of an older line is still
/// found and rejected, but its first line is no longer named.
struct DuplicateRegistry: Sendable {
    enum Mode: Sendable {
        /// The log is read in time order and replayed as it is read.
        case streaming
        /// The whole log is held (unsorted): every id keeps its first line.
        case exact
    }

    enum Lookup: Equatable {
        /// No earlier line carried this hash; the id is now registered.
        case new
        /// Earlier lines carried this hash; confirm which (if any) had the
        /// same id, then ``register(_:time:location:)`` if none did.
        case earlier([LineLocation])
        /// An earlier line carried this id, which is no longer located.
        case earlierUnknown
    }

    /// Ids kept with their first line before a streaming registry keeps only hashes.
    static let locatedLimit = 500_000

    let mode: Mode
    private var firstEntry = HashIndexMap()
    private var entries: [(location: LineLocation, next: Int32)] = []
    private var hashes = IDHashSet()
    private var compact = false
    private var window: [UInt64: [LineLocation]] = [:]
    private var windowTime = Int64.min

    /// About how many ids the log holds, when known, to size the hash set once.
    var expectedIDs: Int?

    init(mode: Mode) {
        self.mode = mode
    }

    /// Looks up the id whose hash is `hash`, on a line of an event at `time`;
    /// registers it when no earlier line had the hash.
    mutating func lookUp(_ hash: UInt64, time: Int64, location: LineLocation) -> Lookup {
        if time > windowTime {
            if mode == .streaming, !compact, entries.count >= Self.locatedLimit { switchToHashes() }
            if compact { window.removeAll(keepingCapacity: true) }
            windowTime = time
        }
        if compact {
            if hashes.insert(hash) {
                window[hash, default: []].append(location)
                return .new
            }
            if let earlier = window[hash] { return .earlier(earlier) }
            return .earlierUnknown
        }
        guard var index = firstEntry.value(for: hash) else {
            firstEntry.set(Int32(entries.count), for: hash)
            entries.append((location, -1))
            return .new
        }
        var earlier: [LineLocation] = []
        while index >= 0 {
            earlier.append(entries[Int(index)].location)
            index = entries[Int(index)].next
        }
        return .earlier(earlier)
    }

    /// Registers an id whose hash earlier lines carried but whose id none had.
    mutating func register(_ hash: UInt64, time: Int64, location: LineLocation) {
        if compact {
            window[hash, default: []].append(location)
            return
        }
        let index = Int32(entries.count)
        entries.append((location, firstEntry.value(for: hash) ?? -1))
        firstEntry.set(index, for: hash)
    }

    /// Keeps only hashes from now on (at a change of second, so that the
    /// current second's lines are all in the window).
    private mutating func switchToHashes() {
        entries = []
        if let expectedIDs { hashes.reserve(expectedIDs) }
        firstEntry.forEachKey { _ = hashes.insert($0) }
        firstEntry = HashIndexMap()
        compact = true
    }
}
